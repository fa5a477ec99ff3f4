package dev.orderflow.dynamodb;

import static dev.orderflow.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The Enhanced Client, the async client and SDK paginators against the engine. */
class SdkClientsTest {
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

    /** A mapped order, built with the static schema (no reflection). */
    static final class Order {
        String customer;
        String id;
        String status;
        long total;
        Long version;
    }

    private static final TableSchema<Order> ORDER =
            TableSchema.builder(Order.class)
                    .newItemSupplier(Order::new)
                    .addAttribute(
                            String.class,
                            a ->
                                    a.name("customer")
                                            .getter(o -> o.customer)
                                            .setter((o, v) -> o.customer = v)
                                            .tags(StaticAttributeTags.primaryPartitionKey()))
                    .addAttribute(
                            String.class,
                            a ->
                                    a.name("id")
                                            .getter(o -> o.id)
                                            .setter((o, v) -> o.id = v)
                                            .tags(StaticAttributeTags.primarySortKey()))
                    .addAttribute(
                            String.class,
                            a ->
                                    a.name("status")
                                            .getter(o -> o.status)
                                            .setter((o, v) -> o.status = v)
                                            .tags(
                                                    StaticAttributeTags.secondaryPartitionKey(
                                                            "by-status")))
                    .addAttribute(
                            Long.class,
                            a ->
                                    a.name("total")
                                            .getter(o -> o.total)
                                            .setter((o, v) -> o.total = v)
                                            .tags(
                                                    StaticAttributeTags.secondarySortKey(
                                                            "by-status")))
                    .addAttribute(
                            Long.class,
                            a ->
                                    a.name("version")
                                            .getter(o -> o.version)
                                            .setter((o, v) -> o.version = v)
                                            .tags(
                                                    software.amazon.awssdk.enhanced.dynamodb
                                                            .extensions.VersionedRecordExtension
                                                            .AttributeTags.versionAttribute()))
                    .build();

    private static Order order(String customer, String id, String status, long total) {
        Order o = new Order();
        o.customer = customer;
        o.id = id;
        o.status = status;
        o.total = total;
        return o;
    }

    @Test
    void enhancedClient_createsTableWithGsi_putsQueriesAndVersions() {
        DynamoDbEnhancedClient enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbTable<Order> table = enhanced.table(LocalDynamo.tableName("orders"), ORDER);
        table.createTable(
                b ->
                        b.globalSecondaryIndices(
                                EnhancedGlobalSecondaryIndex.builder()
                                        .indexName("by-status")
                                        .projection(p -> p.projectionType(ProjectionType.ALL))
                                        .build()));
        for (int i = 0; i < 25; i++) {
            table.putItem(
                    order(
                            "c" + (i % 2),
                            String.format("o%03d", i),
                            i % 3 == 0 ? "NEW" : "PAID",
                            i));
        }

        List<Order> c0 =
                table
                        .query(
                                QueryConditional.keyEqualTo(
                                        Key.builder().partitionValue("c0").build()))
                        .items()
                        .stream()
                        .toList();
        assertThat(c0).hasSize(13).extracting(o -> o.id).isSorted();

        DynamoDbIndex<Order> byStatus = table.index("by-status");
        List<Order> news = new ArrayList<>();
        byStatus.query(
                        r ->
                                r.queryConditional(
                                                QueryConditional.sortGreaterThan(
                                                        Key.builder()
                                                                .partitionValue("NEW")
                                                                .sortValue(5)
                                                                .build()))
                                        .limit(2))
                .forEach(page -> news.addAll(page.items()));
        assertThat(news).extracting(o -> o.total).containsExactly(6L, 9L, 12L, 15L, 18L, 21L, 24L);

        Order first = table.getItem(Key.builder().partitionValue("c0").sortValue("o000").build());
        assertThat(first.version).isEqualTo(1L);
        Order stale = table.getItem(Key.builder().partitionValue("c0").sortValue("o000").build());
        first.status = "SHIPPED";
        table.updateItem(first);
        stale.status = "CANCELLED";
        assertThatThrownBy(() -> table.updateItem(stale))
                .isInstanceOf(ConditionalCheckFailedException.class);

        enhanced.transactWriteItems(
                TransactWriteItemsEnhancedRequest.builder()
                        .addDeleteItem(
                                table, Key.builder().partitionValue("c1").sortValue("o001").build())
                        .addPutItem(table, order("c9", "o999", "NEW", 1))
                        .build());
        assertThat(table.getItem(Key.builder().partitionValue("c1").sortValue("o001").build()))
                .isNull();
        assertThat(
                        table
                                .scan(
                                        r ->
                                                r.filterExpression(
                                                        Expression.builder()
                                                                .expression("#s = :s")
                                                                .putExpressionName("#s", "status")
                                                                .putExpressionValue(
                                                                        ":s", s("SHIPPED"))
                                                                .build()))
                                .items()
                                .stream()
                                .count())
                .isEqualTo(1);
    }

    @Test
    void queryPaginator_walksAllPages_whenLimitIsSmall() {
        String table = LocalDynamo.createTable(client, "pages", "pk", "sk");
        for (int i = 0; i < 23; i++) {
            String sk = String.format("%02d", i);
            client.putItem(b -> b.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk))));
        }
        var pages =
                client.queryPaginator(
                        QueryRequest.builder()
                                .tableName(table)
                                .keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", s("p")))
                                .limit(5)
                                .build());
        assertThat(pages.items().stream().map(i -> i.get("sk").s()).toList())
                .hasSize(23)
                .isSorted();
        assertThat(pages.stream().count()).isEqualTo(5);
    }

    @Test
    void asyncClient_putsAndGets_andReportsErrors() {
        try (DynamoDbAsyncClient async =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(LocalDynamo.CREDENTIALS)
                        .httpClient(NettyNioAsyncHttpClient.builder().build())
                        .build()) {
            String table = LocalDynamo.createTable(client, "async", "pk", null);
            async.putItem(
                            b ->
                                    b.tableName(table)
                                            .item(
                                                    Map.of(
                                                            "pk",
                                                            s("k"),
                                                            "v",
                                                            AttributeValue.fromBool(true))))
                    .join();
            assertThat(
                            async.getItem(b -> b.tableName(table).key(Map.of("pk", s("k"))))
                                    .join()
                                    .item()
                                    .get("v")
                                    .bool())
                    .isTrue();
            assertThatThrownBy(
                            () ->
                                    async.getItem(
                                                    b ->
                                                            b.tableName("missing-table")
                                                                    .key(Map.of("pk", s("k"))))
                                            .join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ResourceNotFoundException.class);
        }
    }
}
