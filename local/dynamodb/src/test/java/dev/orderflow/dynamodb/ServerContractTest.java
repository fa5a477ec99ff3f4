package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The scenario other modules rely on: start on an ephemeral port, create, write, read. */
class ServerContractTest {
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
    void endpoint_isLoopbackWithBoundPort_whenStartedOnPortZero() {
        assertThat(server.port()).isPositive();
        assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void putScanQueryGet_roundTripItem_whenProductsTableCreated() {
        String table = LocalDynamo.createTable(client, "products", "pk", null);
        assertThat(client.describeTable(b -> b.tableName(table)).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);

        Map<String, AttributeValue> item =
                Map.of("pk", s("p-1"), "name", s("Widget"), "price", AttributeValue.fromN("12.50"));
        client.putItem(b -> b.tableName(table).item(item));

        assertThat(client.scan(b -> b.tableName(table)).items()).hasSize(1);
        assertThat(
                        client.query(
                                        b ->
                                                b.tableName(table)
                                                        .keyConditionExpression("pk = :pk")
                                                        .expressionAttributeValues(
                                                                Map.of(":pk", s("p-1"))))
                                .items())
                .singleElement()
                .satisfies(i -> assertThat(i.get("name").s()).isEqualTo("Widget"));
        Map<String, AttributeValue> got =
                client.getItem(b -> b.tableName(table).key(Map.of("pk", s("p-1")))).item();
        assertThat(got.get("price").n()).isEqualTo("12.5");
    }

    @Test
    void start_throwsUncheckedIOException_whenPortIsTaken() {
        assertThatThrownBy(() -> DynamoDbServer.builder().port(server.port()).start())
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(Integer.toString(server.port()));
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void createTable_throwsResourceInUse_whenTableExists() {
        String table = LocalDynamo.createTable(client, "dup", "pk", null);
        assertThatThrownBy(
                        () ->
                                LocalDynamo.client(server.endpoint())
                                        .createTable(
                                                b ->
                                                        b.tableName(table)
                                                                .billingMode("PAY_PER_REQUEST")
                                                                .keySchema(
                                                                        k ->
                                                                                k.attributeName(
                                                                                                "pk")
                                                                                        .keyType(
                                                                                                "HASH"))
                                                                .attributeDefinitions(
                                                                        LocalDynamo.def("pk"))))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("Table already exists: " + table);
    }
}
