package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Tables pass through CREATING, UPDATING and DELETING when a lifecycle delay is set, with the
 * errors DynamoDB gives for a table in those states. Sources: DeleteTable API reference (CREATING
 * or UPDATING: ResourceInUseException; already DELETING: no error), public error reports for the
 * wording ("Table is being created", "Table is being updated", "Cannot read from backfilling global
 * secondary index", data-plane calls on a CREATING table: "Requested resource not found").
 */
class TableLifecycleTest {
    private static final Duration DELAY = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private DynamoDbServer server;
    private DynamoDbClient client;

    private DynamoDbClient start(Clock c, Duration delay) {
        server = DynamoDbServer.builder().port(0).clock(c).lifecycleDelay(delay).start();
        client = LocalDynamo.client(server.endpoint());
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private TableStatus status(String table) {
        return client.describeTable(b -> b.tableName(table)).table().tableStatus();
    }

    private void put(String table, String pk) {
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "g", s("x"))));
    }

    @Test
    void withoutDelay_aNewTableIsActiveAtOnce() {
        start(clock, Duration.ZERO);
        String table = LocalDynamo.createTable(client, "now", "pk", null);
        assertThat(status(table)).isEqualTo(TableStatus.ACTIVE);
        put(table, "a");
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void creatingTable_refusesDataCallsAndChanges_untilTheDelayPasses() {
        start(clock, DELAY);
        String table = LocalDynamo.tableName("creating");
        var created =
                client.createTable(
                        b ->
                                b.tableName(table)
                                        .billingMode("PAY_PER_REQUEST")
                                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                                        .attributeDefinitions(LocalDynamo.def("pk")));
        assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(status(table)).isEqualTo(TableStatus.CREATING);
        assertThat(client.listTables().tableNames()).contains(table);

        assertThatThrownBy(() -> put(table, "a"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
        assertThatThrownBy(() -> client.deleteTable(b -> b.tableName(table)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith(
                        "Attempt to change a resource which is still in use: Table is being"
                                + " created: "
                                + table);
        assertThatThrownBy(
                        () ->
                                client.updateTable(
                                        b -> b.tableName(table).deletionProtectionEnabled(true)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("Table is being created");

        clock.advance(DELAY);
        assertThat(status(table)).isEqualTo(TableStatus.ACTIVE);
        put(table, "a");
        assertThat(client.getItem(b -> b.tableName(table).key(Map.of("pk", s("a")))).hasItem())
                .isTrue();
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void updatingTable_servesData_refusesAnotherChange_andBackfillsTheNewIndex() {
        start(clock, DELAY);
        String t = LocalDynamo.createTable(client, "updating", "pk", null);
        clock.advance(DELAY);
        put(t, "a");

        CreateGlobalSecondaryIndexAction byG =
                CreateGlobalSecondaryIndexAction.builder()
                        .indexName("by-g")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build();
        var updated =
                client.updateTable(
                        b ->
                                b.tableName(t)
                                        .attributeDefinitions(LocalDynamo.def("g"))
                                        .globalSecondaryIndexUpdates(u -> u.create(byG)));
        assertThat(updated.tableDescription().tableStatus()).isEqualTo(TableStatus.UPDATING);
        GlobalSecondaryIndexDescription index =
                client.describeTable(b -> b.tableName(t)).table().globalSecondaryIndexes().get(0);
        assertThat(index.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(index.backfilling()).isTrue();

        put(t, "b");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        b ->
                                                b.tableName(t)
                                                        .indexName("by-g")
                                                        .keyConditionExpression("g = :g")
                                                        .expressionAttributeValues(
                                                                Map.of(":g", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Cannot read from backfilling global secondary index");
        assertThatThrownBy(() -> client.deleteTable(b -> b.tableName(t)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith(
                        "Attempt to change a resource which is still in use: Table is being"
                                + " updated: "
                                + t);

        clock.advance(DELAY);
        DescribeTableResponse after = client.describeTable(b -> b.tableName(t));
        assertThat(after.table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(after.table().globalSecondaryIndexes().get(0).indexStatus())
                .isEqualTo(IndexStatus.ACTIVE);
        assertThat(
                        client.query(
                                        b ->
                                                b.tableName(t)
                                                        .indexName("by-g")
                                                        .keyConditionExpression("g = :g")
                                                        .expressionAttributeValues(
                                                                Map.of(":g", s("x"))))
                                .count())
                .isEqualTo(2);
    }

    @Test
    void deletingTable_isDescribedAndListed_untilItIsGone() {
        start(clock, DELAY);
        String table = LocalDynamo.createTable(client, "deleting", "pk", null);
        clock.advance(DELAY);
        put(table, "a");

        var deleted = client.deleteTable(b -> b.tableName(table));
        assertThat(deleted.tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(status(table)).isEqualTo(TableStatus.DELETING);
        assertThat(client.listTables().tableNames()).contains(table);
        assertThat(client.deleteTable(b -> b.tableName(table)).tableDescription().tableStatus())
                .as("deleting a DELETING table is not an error")
                .isEqualTo(TableStatus.DELETING);
        assertThatThrownBy(() -> LocalDynamo.createNamedTable(client, table, "pk", null))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: " + table);

        clock.advance(DELAY);
        assertThatThrownBy(() -> status(table)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(client.listTables().tableNames()).doesNotContain(table);
        LocalDynamo.createNamedTable(client, table, "pk", null);
        assertThat(status(table)).isEqualTo(TableStatus.CREATING);
    }

    @Test
    void sdkWaiter_waitsThroughCreating() {
        start(Clock.systemUTC(), Duration.ofMillis(300));
        String table = LocalDynamo.createTable(client, "waiter", "pk", null);
        assertThat(status(table)).isEqualTo(TableStatus.CREATING);
        try (DynamoDbWaiter waiter =
                DynamoDbWaiter.builder()
                        .client(client)
                        .overrideConfiguration(
                                WaiterOverrideConfiguration.builder()
                                        .maxAttempts(100)
                                        .backoffStrategyV2(
                                                BackoffStrategy.fixedDelayWithoutJitter(
                                                        Duration.ofMillis(50)))
                                        .build())
                        .build()) {
            DescribeTableResponse active =
                    waiter.waitUntilTableExists(b -> b.tableName(table))
                            .matched()
                            .response()
                            .orElseThrow();
            assertThat(active.table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        }
        put(table, "a");
    }
}
