package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The admin catalog and center directory through the real SDK against the project's engine. */
class DynamoCatalogStoreIT {

    private final DynamoDbClient dynamo = LocalDynamo.client();

    private static Product product(String sku, long price, boolean active) {
        return new Product(new Sku(sku), "Product " + sku, Money.ofMinor(price, "EUR"), active);
    }

    @Test
    void save_createsThenReplaces_andFindReadsItBack() {
        var store =
                new DynamoCatalogStore(dynamo, LocalDynamo.createTable("products", "sku", null));

        assertThat(store.save(product("MUG-1", 1000, true))).isTrue();
        assertThat(store.save(product("MUG-1", 1200, false))).isFalse();
        assertThat(store.save(product("MUG-1", 1200, false))).isFalse();

        assertThat(store.find(new Sku("MUG-1"))).contains(product("MUG-1", 1200, false));
        assertThat(store.find(new Sku("MUG-2"))).isEmpty();
    }

    @Test
    void allProducts_pagesThroughActiveAndInactiveProducts_andTheShopStillSeesOnlyActiveOnes() {
        String table = LocalDynamo.createTable("products", "sku", null);
        var store = new DynamoCatalogStore(dynamo, table);
        for (int i = 0; i < 7; i++) {
            store.save(product("SKU-" + i, 100 + i, i % 2 == 0));
        }

        List<String> seen = new ArrayList<>();
        Cursor cursor = Cursor.first();
        for (int pages = 0; pages < 10; pages++) {
            Page<Product> page = store.allProducts(new PageRequest(3, cursor));
            page.items().forEach(p -> seen.add(p.sku().value()));
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next().get();
        }

        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "SKU-0", "SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5", "SKU-6");
        assertThat(
                        new DynamoProductCatalog(dynamo, table)
                                .activeProducts(new PageRequest(100, Cursor.first()))
                                .items())
                .extracting(p -> p.sku().value())
                .containsExactlyInAnyOrder("SKU-0", "SKU-2", "SKU-4", "SKU-6");
    }

    @Test
    void allProducts_refusesACursorItDidNotIssue() {
        var store =
                new DynamoCatalogStore(dynamo, LocalDynamo.createTable("products", "sku", null));

        assertThatThrownBy(
                        () ->
                                store.allProducts(
                                        new PageRequest(3, new Cursor.After("bm90LW91cnM"))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void centers_saveThenFindAndList_inTheLayoutTheSagaReads() {
        String table = LocalDynamo.createTable("centers", "centerId", null);
        var directory = new DynamoCenterDirectory(dynamo, table);
        var munich =
                new FulfillmentCenter(
                        new CenterId("FC-MUC"), "Munich", Map.of("DE-BY", 10, "AT-9", 430));

        assertThat(directory.save(munich)).isTrue();
        assertThat(directory.save(munich)).isFalse();

        assertThat(directory.find(new CenterId("FC-MUC"))).contains(munich);
        assertThat(directory.find(new CenterId("FC-BER"))).isEmpty();
        assertThat(new DynamoFulfillmentCenters(dynamo, table).all()).containsExactly(munich);
    }
}
