package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.n;
import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Atomicity of single-item writes and serializability of transactions under contention. */
class ConcurrencyTest {
    private static DynamoDbServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        server = DynamoDbServer.builder().port(0).start();
        client = LocalDynamo.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void conditionalDecrement_succeedsExactlyFiftyTimes_when200ConcurrentCallersRaceOnCounterOf50()
            throws Exception {
        String table = LocalDynamo.createTable(client, "stock", "pk", null);
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("sku"), "qty", n("50"))));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(
                    pool.submit(
                            () -> {
                                try {
                                    client.updateItem(
                                            b ->
                                                    b.tableName(table)
                                                            .key(Map.of("pk", s("sku")))
                                                            .updateExpression(
                                                                    "SET qty = qty - :one")
                                                            .conditionExpression("qty > :zero")
                                                            .expressionAttributeValues(
                                                                    Map.of(
                                                                            ":one", n("1"), ":zero",
                                                                            n("0"))));
                                    return true;
                                } catch (ConditionalCheckFailedException e) {
                                    return false;
                                }
                            }));
        }
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(50);
        assertThat(
                        client.getItem(
                                        b ->
                                                b.tableName(table)
                                                        .key(Map.of("pk", s("sku")))
                                                        .consistentRead(true))
                                .item()
                                .get("qty")
                                .n())
                .isEqualTo("0");
    }

    @Test
    void concurrentTransfers_preserveTotal_andNeverOverdraw() throws Exception {
        String table = LocalDynamo.createTable(client, "accounts", "pk", null);
        int accounts = 5;
        for (int i = 0; i < accounts; i++) {
            String id = "acct" + i;
            client.putItem(b -> b.tableName(table).item(Map.of("pk", s(id), "balance", n("100"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tasks.add(
                    () -> {
                        int from = ThreadLocalRandom.current().nextInt(accounts);
                        int to =
                                (from + 1 + ThreadLocalRandom.current().nextInt(accounts - 1))
                                        % accounts;
                        String amount =
                                Integer.toString(1 + ThreadLocalRandom.current().nextInt(60));
                        // Retried on TransactionConflict, as AWS clients do.
                        for (; ; ) {
                            try {
                                client.transactWriteItems(
                                        b ->
                                                b.transactItems(
                                                        TransactWriteItem.builder()
                                                                .update(
                                                                        u ->
                                                                                u.tableName(table)
                                                                                        .key(
                                                                                                Map
                                                                                                        .of(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "acct"
                                                                                                                                + from)))
                                                                                        .updateExpression(
                                                                                                "SET balance = balance - :a")
                                                                                        .conditionExpression(
                                                                                                "balance >= :a")
                                                                                        .expressionAttributeValues(
                                                                                                Map
                                                                                                        .of(
                                                                                                                ":a",
                                                                                                                n(
                                                                                                                        amount))))
                                                                .build(),
                                                        TransactWriteItem.builder()
                                                                .update(
                                                                        u ->
                                                                                u.tableName(table)
                                                                                        .key(
                                                                                                Map
                                                                                                        .of(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "acct"
                                                                                                                                + to)))
                                                                                        .updateExpression(
                                                                                                "SET balance = balance + :a")
                                                                                        .expressionAttributeValues(
                                                                                                Map
                                                                                                        .of(
                                                                                                                ":a",
                                                                                                                n(
                                                                                                                        amount))))
                                                                .build()));
                                return true;
                            } catch (TransactionCanceledException e) {
                                assertThat(e.cancellationReasons()).hasSize(2);
                                if (e.cancellationReasons().stream()
                                        .anyMatch(c -> c.code().equals("TransactionConflict"))) {
                                    continue;
                                }
                                assertThat(e.cancellationReasons().get(0).code())
                                        .isEqualTo("ConditionalCheckFailed");
                                return false;
                            }
                        }
                    });
        }
        for (Future<Boolean> f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();
        long total = 0;
        for (var item : client.scan(b -> b.tableName(table)).items()) {
            long balance = Long.parseLong(item.get("balance").n());
            assertThat(balance).isNotNegative();
            total += balance;
        }
        assertThat(total).isEqualTo(500);
    }
}
