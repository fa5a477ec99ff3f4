package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.dynamodb.DynamoDbServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The adapter through the real SDK against the project's own DynamoDB engine. */
class DynamoProductCatalogIT {

    private static DynamoDbServer server;
    private static DynamoDbClient dynamo;
    private String table;

    @BeforeAll
    static void startEngine() {
        server = DynamoDbServer.builder().port(0).start();
        dynamo =
                DynamoDbClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("local", "local")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
    }

    @AfterAll
    static void stopEngine() {
        dynamo.close();
        server.close();
    }

    @BeforeEach
    void createTable() {
        table = "products-" + UUID.randomUUID();
        dynamo.createTable(
                t ->
                        t.tableName(table)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(
                                        a -> a.attributeName("sku").attributeType("S"))
                                .keySchema(k -> k.attributeName("sku").keyType("HASH")));
    }

    private void put(String sku, boolean active) {
        Product product =
                new Product(new Sku(sku), "Product " + sku, Money.ofMinor(1999, "EUR"), active);
        dynamo.putItem(p -> p.tableName(table).item(ProductItem.toItem(product)));
    }

    @Test
    void activeProducts_pagesThroughEveryActiveProductOnce_skippingInactiveOnes() {
        for (int i = 0; i < 25; i++) {
            put(String.format("SKU-%02d", i), i % 5 != 0);
        }
        var catalog = new DynamoProductCatalog(dynamo, table);

        List<String> seen = new ArrayList<>();
        Cursor cursor = Cursor.first();
        int pages = 0;
        while (true) {
            Page<Product> page = catalog.activeProducts(new PageRequest(7, cursor));
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(7).allMatch(Product::active);
            page.items().forEach(p -> seen.add(p.sku().value()));
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next().get();
        }

        assertThat(seen).hasSize(20).doesNotHaveDuplicates();
        assertThat(seen).noneMatch(sku -> Integer.parseInt(sku.substring(4)) % 5 == 0);
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void productsBySku_findsActiveAndInactiveProducts_acrossBatches_andOmitsUnknownOnes() {
        java.util.Set<Sku> wanted = new java.util.HashSet<>();
        for (int i = 0; i < 130; i++) {
            String sku = String.format("SKU-%03d", i);
            put(sku, i % 2 == 0);
            wanted.add(new Sku(sku));
        }
        wanted.add(new Sku("NOT-THERE"));

        Map<Sku, Product> found = new DynamoProductCatalog(dynamo, table).productsBySku(wanted);

        assertThat(found).hasSize(130).doesNotContainKey(new Sku("NOT-THERE"));
        assertThat(found.get(new Sku("SKU-001")).active()).isFalse();
        assertThat(found.get(new Sku("SKU-128")).active()).isTrue();
    }

    @Test
    void activeProducts_readsEveryFieldBack() {
        put("MUG-BLUE", true);

        Page<Product> page =
                new DynamoProductCatalog(dynamo, table)
                        .activeProducts(new PageRequest(10, Cursor.first()));

        assertThat(page.items())
                .containsExactly(
                        new Product(
                                new Sku("MUG-BLUE"),
                                "Product MUG-BLUE",
                                Money.ofMinor(1999, "EUR"),
                                true));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void activeProducts_returnsAnEmptyLastPage_forAnEmptyTable() {
        Page<Product> page =
                new DynamoProductCatalog(dynamo, table)
                        .activeProducts(new PageRequest(10, Cursor.first()));

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void activeProducts_failsLoudly_onARowThatBreaksTheDomainsRules() {
        dynamo.putItem(
                p ->
                        p.tableName(table)
                                .item(
                                        Map.of(
                                                "sku", AttributeValue.fromS("BROKEN"),
                                                "active", AttributeValue.fromBool(true))));

        assertThatThrownBy(
                        () ->
                                new DynamoProductCatalog(dynamo, table)
                                        .activeProducts(new PageRequest(10, Cursor.first())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BROKEN");
    }

    @Test
    void activeProducts_rejectsAForeignCursor() {
        var catalog = new DynamoProductCatalog(dynamo, table);

        assertThatThrownBy(
                        () ->
                                catalog.activeProducts(
                                        new PageRequest(10, new Cursor.After("bm90LW91cnM"))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void activeProducts_letsAMissingTableSurfaceAsTheBugItIs() {
        var catalog = new DynamoProductCatalog(dynamo, "no-such-table");

        assertThatThrownBy(() -> catalog.activeProducts(new PageRequest(10, Cursor.first())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
