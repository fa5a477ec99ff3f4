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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The adapter through the real SDK against the project's own DynamoDB engine. */
class DynamoProductCatalogIT {

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private String table;

    @BeforeEach
    void createTable() {
        table = LocalDynamo.createTable("products", "sku", null);
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
