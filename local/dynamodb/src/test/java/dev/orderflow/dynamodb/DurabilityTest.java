package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.n;
import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The data directory: restart after close, and no acknowledged write lost to a SIGKILL. */
class DurabilityTest {

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void restart_restoresTablesItemsIndexesAndSettings_afterClose(@TempDir Path dir) {
        String table;
        try (DynamoDbServer server = DynamoDbServer.builder().port(0).dataDir(dir).start();
                DynamoDbClient c = LocalDynamo.client(server.endpoint())) {
            table = LocalDynamo.tableName("durable");
            c.createTable(
                    b ->
                            b.tableName(table)
                                    .billingMode("PAY_PER_REQUEST")
                                    .keySchema(
                                            k -> k.attributeName("pk").keyType("HASH"),
                                            k -> k.attributeName("sk").keyType("RANGE"))
                                    .attributeDefinitions(
                                            LocalDynamo.def("pk"), LocalDynamo.def("sk"))
                                    .streamSpecification(
                                            st ->
                                                    st.streamEnabled(true)
                                                            .streamViewType("NEW_IMAGE")));
            for (int i = 0; i < 20; i++) {
                String sk = "s" + i;
                c.putItem(
                        b ->
                                b.tableName(table)
                                        .item(Map.of("pk", s("p"), "sk", s(sk), "n", n("1"))));
            }
            c.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("p"), "sk", s("s3"))));
            c.updateItem(
                    b ->
                            b.tableName(table)
                                    .key(Map.of("pk", s("p"), "sk", s("s4")))
                                    .updateExpression("ADD n :one")
                                    .expressionAttributeValues(Map.of(":one", n("1"))));
            c.updateTimeToLive(
                    b ->
                            b.tableName(table)
                                    .timeToLiveSpecification(
                                            t -> t.enabled(true).attributeName("exp")));
            c.transactWriteItems(
                    b ->
                            b.transactItems(
                                    t ->
                                            t.put(
                                                    p ->
                                                            p.tableName(table)
                                                                    .item(
                                                                            Map.of(
                                                                                    "pk", s("tx"),
                                                                                    "sk", s("1")))),
                                    t ->
                                            t.put(
                                                    p ->
                                                            p.tableName(table)
                                                                    .item(
                                                                            Map.of(
                                                                                    "pk", s("tx"),
                                                                                    "sk",
                                                                                    s("2"))))));
        }
        try (DynamoDbServer server = DynamoDbServer.builder().port(0).dataDir(dir).start();
                DynamoDbClient c = LocalDynamo.client(server.endpoint())) {
            assertThat(c.scan(b -> b.tableName(table)).count()).isEqualTo(21);
            assertThat(
                            c.getItem(
                                            b ->
                                                    b.tableName(table)
                                                            .key(
                                                                    Map.of(
                                                                            "pk", s("p"), "sk",
                                                                            s("s4"))))
                                    .item()
                                    .get("n")
                                    .n())
                    .isEqualTo("2");
            assertThat(
                            c.describeTimeToLive(b -> b.tableName(table))
                                    .timeToLiveDescription()
                                    .attributeName())
                    .isEqualTo("exp");
        }
    }

    @Test
    void walReplay_recoversTransactionsWithoutSnapshot_whenProcessDidNotClose(@TempDir Path dir) {
        java.time.Clock clock = java.time.Clock.systemUTC();
        DynamoDbEngine crashed = DynamoDbEngine.persistent(dir, clock);
        invoke(
                crashed,
                "CreateTable",
                "{\"TableName\":\"wal\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
        invoke(
                crashed,
                "TransactWriteItems",
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"wal\",\"Item\":{\"pk\":{\"S\":\"a\"}}}},{\"Put\":{\"TableName\":\"wal\",\"Item\":{\"pk\":{\"S\":\"b\"}}}}]}");
        invoke(
                crashed,
                "BatchWriteItem",
                "{\"RequestItems\":{\"wal\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"c\"}}}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"a\"}}}}]}}");
        // Never closed: a second engine recovers from the write-ahead log alone.
        try (DynamoDbEngine recovered = DynamoDbEngine.persistent(dir, clock)) {
            String scan = invoke(recovered, "Scan", "{\"TableName\":\"wal\"}");
            assertThat(scan).contains("\"Count\":2").contains("\"b\"").contains("\"c\"");
        }
    }

    private static String invoke(DynamoDbEngine engine, String op, String body) {
        DynamoDbEngine.Response r =
                engine.invoke(
                        "DynamoDB_20120810." + op,
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.status()).as(text).isEqualTo(200);
        return text;
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void sigkill_losesNoAcknowledgedWrite(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path portFile = dir.resolve("port");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                CrashChild.class.getName(),
                                data.toString(),
                                portFile.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(portFile));
            URI endpoint = URI.create("http://127.0.0.1:" + Files.readString(portFile).trim());
            List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
            int attempts = 0;
            java.util.concurrent.CountDownLatch enough =
                    new java.util.concurrent.CountDownLatch(200);
            Thread killer =
                    new Thread(
                            () -> {
                                try {
                                    enough.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                child.destroyForcibly(); // SIGKILL while writes are in flight
                            });
            killer.start();
            try (DynamoDbClient c = LocalDynamo.client(endpoint)) {
                c.createTable(
                        b ->
                                b.tableName("crash")
                                        .billingMode("PAY_PER_REQUEST")
                                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                        .attributeDefinitions(LocalDynamo.def("pk")));
                while (true) {
                    int i = ++attempts;
                    String id = "item-" + i;
                    try {
                        c.putItem(
                                b ->
                                        b.tableName("crash")
                                                .item(
                                                        Map.of(
                                                                "pk",
                                                                s(id),
                                                                "payload",
                                                                s("x".repeat(200)))));
                        acknowledged.add(id);
                        enough.countDown();
                    } catch (SdkClientException e) {
                        break;
                    }
                }
            }
            child.waitFor();
            killer.join();
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
            try (DynamoDbServer server = DynamoDbServer.builder().port(0).dataDir(data).start();
                    DynamoDbClient c = LocalDynamo.client(server.endpoint())) {
                for (String id : acknowledged) {
                    assertThat(c.getItem(b -> b.tableName("crash").key(Map.of("pk", s(id)))).item())
                            .as(id)
                            .isNotEmpty();
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
