package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.dynamodb.DynamoDbServer;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** The project's DynamoDB engine, started once per test JVM, and a real SDK client for it. */
final class LocalDynamo {

    private static DynamoDbServer server;
    private static DynamoDbClient client;

    private LocalDynamo() {}

    static synchronized DynamoDbClient client() {
        if (client == null) {
            server = DynamoDbServer.builder().port(0).start();
            client =
                    DynamoDbClient.builder()
                            .endpointOverride(server.endpoint())
                            .region(Region.US_EAST_1)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(
                                            AwsBasicCredentials.create("local", "local")))
                            .httpClient(UrlConnectionHttpClient.builder().build())
                            .build();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        client.close();
                                        server.close();
                                    }));
        }
        return client;
    }

    /**
     * Creates an orders table as the stack does: GSI {@code byCustomer} (all attributes) and the
     * write-sharded GSI {@code byStatus} (keys only).
     */
    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    static String createOrdersTable() {
        String name = "orders-" + UUID.randomUUID();
        client().createTable(
                        t ->
                                t.tableName(name)
                                        .billingMode("PAY_PER_REQUEST")
                                        .attributeDefinitions(
                                                a -> a.attributeName("pk").attributeType("S"),
                                                a -> a.attributeName("sk").attributeType("S"),
                                                a -> a.attributeName("gsi1pk").attributeType("S"),
                                                a -> a.attributeName("gsi1sk").attributeType("S"),
                                                a -> a.attributeName("gsi2pk").attributeType("S"),
                                                a -> a.attributeName("gsi2sk").attributeType("S"))
                                        .keySchema(
                                                k -> k.attributeName("pk").keyType("HASH"),
                                                k -> k.attributeName("sk").keyType("RANGE"))
                                        .globalSecondaryIndexes(
                                                index("byCustomer", "gsi1pk", "gsi1sk", "ALL"),
                                                index(
                                                        "byStatus",
                                                        "gsi2pk",
                                                        "gsi2sk",
                                                        "KEYS_ONLY")));
        return name;
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    private static GlobalSecondaryIndex index(
            String name, String partitionKey, String sortKey, String projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(
                        k -> k.attributeName(partitionKey).keyType("HASH"),
                        k -> k.attributeName(sortKey).keyType("RANGE"))
                .projection(p -> p.projectionType(projection))
                .build();
    }

    /**
     * Creates an order archive table as the stack does: {@code customerId} / {@code placedKey},
     * local secondary index {@code byOrderId} (keys only).
     */
    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    static String createOrderArchiveTable() {
        String name = "archive-" + UUID.randomUUID();
        client().createTable(
                        t ->
                                t.tableName(name)
                                        .billingMode("PAY_PER_REQUEST")
                                        .attributeDefinitions(
                                                a ->
                                                        a.attributeName("customerId")
                                                                .attributeType("S"),
                                                a ->
                                                        a.attributeName("placedKey")
                                                                .attributeType("S"),
                                                a -> a.attributeName("orderId").attributeType("S"))
                                        .keySchema(
                                                k -> k.attributeName("customerId").keyType("HASH"),
                                                k -> k.attributeName("placedKey").keyType("RANGE"))
                                        .localSecondaryIndexes(
                                                i ->
                                                        i.indexName("byOrderId")
                                                                .keySchema(
                                                                        k ->
                                                                                k.attributeName(
                                                                                                "customerId")
                                                                                        .keyType(
                                                                                                "HASH"),
                                                                        k ->
                                                                                k.attributeName(
                                                                                                "orderId")
                                                                                        .keyType(
                                                                                                "RANGE"))
                                                                .projection(
                                                                        p ->
                                                                                p.projectionType(
                                                                                        "KEYS_ONLY"))));
        return name;
    }

    /** Creates a table with a unique name and string keys; a null sort key means hash only. */
    static String createTable(String prefix, String partitionKey, String sortKey) {
        String name = prefix + "-" + UUID.randomUUID();
        List<AttributeDefinition> attributes =
                sortKey == null
                        ? List.of(
                                AttributeDefinition.builder()
                                        .attributeName(partitionKey)
                                        .attributeType("S")
                                        .build())
                        : List.of(
                                AttributeDefinition.builder()
                                        .attributeName(partitionKey)
                                        .attributeType("S")
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName(sortKey)
                                        .attributeType("S")
                                        .build());
        List<KeySchemaElement> keys =
                sortKey == null
                        ? List.of(
                                KeySchemaElement.builder()
                                        .attributeName(partitionKey)
                                        .keyType("HASH")
                                        .build())
                        : List.of(
                                KeySchemaElement.builder()
                                        .attributeName(partitionKey)
                                        .keyType("HASH")
                                        .build(),
                                KeySchemaElement.builder()
                                        .attributeName(sortKey)
                                        .keyType("RANGE")
                                        .build());
        client().createTable(
                        t ->
                                t.tableName(name)
                                        .billingMode("PAY_PER_REQUEST")
                                        .attributeDefinitions(attributes)
                                        .keySchema(keys));
        return name;
    }
}
