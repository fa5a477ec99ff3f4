package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.n;
import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A TransactWriteItems in flight (held between its two phases by a latch) conflicts with other
 * writes to its items as AWS documents in "Transaction conflict handling" (Developer Guide).
 */
class TransactionConflictTest {
    private static DynamoDbServer server;
    private static DynamoDbClient client;
    private static ExecutorService pool;

    private String table;

    @BeforeAll
    static void start() {
        server = DynamoDbServer.builder().port(0).start();
        client = LocalDynamo.client(server.endpoint());
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        client.close();
        server.close();
    }

    @BeforeEach
    void createTable() {
        table = LocalDynamo.createTable(client, "conflict", "pk", null);
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("x"), "qty", n("10"))));
    }

    @AfterEach
    void removeHook() {
        HeldTransactions.install(null);
    }

    @Test
    void transactWriteItems_isCancelledWithTransactionConflict_whenAnotherTransactionHoldsTheItem()
            throws Exception {
        InFlight first = holdTransaction(decrement("x"));

        assertThatThrownBy(
                        () ->
                                client.transactWriteItems(
                                        b -> b.transactItems(put("y"), decrement("x"))))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> {
                            assertThat(e.cancellationReasons())
                                    .extracting(CancellationReason::code)
                                    .containsExactly("None", "TransactionConflict");
                            assertThat(e.cancellationReasons().get(1).message())
                                    .isEqualTo("Transaction is ongoing for the item");
                            assertThat(e.getMessage()).contains("[None, TransactionConflict]");
                        });
        first.finish();

        assertThat(item("y")).isEmpty();
        assertThat(item("x").get("qty").n()).isEqualTo("9");
    }

    @Test
    void putItem_failsWithTransactionConflictException_whenATransactionHoldsTheItem()
            throws Exception {
        InFlight held = holdTransaction(decrement("x"));

        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        b ->
                                                b.tableName(table)
                                                        .item(
                                                                Map.of(
                                                                        "pk", s("x"), "qty",
                                                                        n("99")))))
                .isInstanceOfSatisfying(
                        TransactionConflictException.class,
                        e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode())
                                    .isEqualTo("TransactionConflictException");
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Transaction is ongoing for the item");
                        });
        held.finish();

        assertThat(item("x").get("qty").n()).isEqualTo("9");
    }

    @Test
    void
            updateDeleteAndBatchWrite_failWithTransactionConflictException_whenATransactionHoldsTheItem()
                    throws Exception {
        InFlight held = holdTransaction(decrement("x"));
        Map<String, AttributeValue> key = Map.of("pk", s("x"));

        assertThatThrownBy(
                        () ->
                                client.updateItem(
                                        b ->
                                                b.tableName(table)
                                                        .key(key)
                                                        .updateExpression("SET qty = :v")
                                                        .expressionAttributeValues(
                                                                Map.of(":v", n("0")))))
                .isInstanceOf(TransactionConflictException.class);
        assertThatThrownBy(() -> client.deleteItem(b -> b.tableName(table).key(key)))
                .isInstanceOf(TransactionConflictException.class);
        assertThatThrownBy(
                        () ->
                                client.batchWriteItem(
                                        b ->
                                                b.requestItems(
                                                        Map.of(
                                                                table,
                                                                java.util.List.of(
                                                                        WriteRequest.builder()
                                                                                .deleteRequest(
                                                                                        d ->
                                                                                                d
                                                                                                        .key(
                                                                                                                key))
                                                                                .build())))))
                .isInstanceOf(TransactionConflictException.class);
        held.finish();

        assertThat(item("x").get("qty").n()).isEqualTo("9");
    }

    @Test
    void getItem_returnsCommittedState_andOtherItemsStayWritable_whileATransactionHoldsTheItem()
            throws Exception {
        InFlight held = holdTransaction(decrement("x"));

        assertThat(item("x").get("qty").n()).isEqualTo("10");
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("other"))));
        held.finish();

        assertThat(item("x").get("qty").n()).isEqualTo("9");
        assertThat(item("other")).isNotEmpty();
    }

    /** A transaction kept between its phases (its items held) until {@link #finish()}. */
    private record InFlight(CountDownLatch proceed, Future<?> done) {
        void finish() throws Exception {
            proceed.countDown();
            done.get(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the transaction and returns once it holds its items; later ones are not paused. */
    private InFlight holdTransaction(TransactWriteItem... items) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        HeldTransactions.install(
                () -> {
                    if (first.compareAndSet(true, false)) {
                        entered.countDown();
                        try {
                            proceed.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        Future<?> done = pool.submit(() -> client.transactWriteItems(b -> b.transactItems(items)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        return new InFlight(proceed, done);
    }

    private TransactWriteItem decrement(String pk) {
        return TransactWriteItem.builder()
                .update(
                        u ->
                                u.tableName(table)
                                        .key(Map.of("pk", s(pk)))
                                        .updateExpression("SET qty = qty - :one")
                                        .conditionExpression("qty > :zero")
                                        .expressionAttributeValues(
                                                Map.of(":one", n("1"), ":zero", n("0"))))
                .build();
    }

    private TransactWriteItem put(String pk) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(Map.of("pk", s(pk), "qty", n("1"))))
                .build();
    }

    private Map<String, AttributeValue> item(String pk) {
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true))
                .item();
    }
}
