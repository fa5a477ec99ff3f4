package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * A flash sale at a size CI affords: many more orders than units, placed at once by many clients.
 * Under that burst the saga may refuse an order only because the stock is gone: no order is
 * rejected for a slow moment (a throttled function, a late task), no compensation fails, and the
 * stock ends exactly sold.
 */
class FlashSaleIT extends SagaTestSupport {

    private static final int ORDERS = 1_000;
    private static final int CLIENTS = 64;
    private static final int SHARDED_ORDERS = 300;

    @Test
    void aThousandOrdersForAHundredUnitsAtTwoCenters_shipExactlyTheStock_andRejectOnlyForStock()
            throws Exception {
        String sku = shop.product(APPROVED);
        String near = shop.center("", 10, 3600);
        String far = shop.center("", 400, 3600);
        shop.stock(sku, near, 60);
        shop.stock(sku, far, 40);
        String body = shop.orderBody(Map.of(sku, 1));

        List<String> ids =
                shop.placeAll(
                        ORDERS, CLIENTS, body, i -> "flash-" + (i % CLIENTS) + "-" + shop.region);
        Map<String, String> ended = shop.awaitAllEnded(ids, Duration.ofMinutes(8));

        assertSoldExactly(sku, 100, ids, ended);
        assertThat(shop.stockOf(sku, near)).containsExactly(0, 0);
        assertThat(shop.stockOf(sku, far)).containsExactly(0, 0);
    }

    /**
     * The same race for a product whose stock an operator spread over 16 shards per center through
     * the admin API first: the shards sell out exactly, no unit left in any shard.
     */
    @Test
    void aSaleOfAProductOver16Shards_shipsExactlyTheStock_andRejectsOnlyForStock()
            throws Exception {
        String sku = shop.product(APPROVED);
        String near = shop.center("", 10, 3600);
        String far = shop.center("", 400, 3600);
        shop.stock(sku, near, 30);
        shop.stock(sku, far, 20);
        var resharded = shop.reshard(sku, 16);
        assertThat(resharded.get("shards").asInt()).isEqualTo(16);
        assertThat(
                        resharded.at("/levels/0/available").asInt()
                                + resharded.at("/levels/1/available").asInt())
                .isEqualTo(50);
        String body = shop.orderBody(Map.of(sku, 1));

        List<String> ids =
                shop.placeAll(
                        SHARDED_ORDERS,
                        CLIENTS,
                        body,
                        i -> "sharded-" + (i % CLIENTS) + "-" + shop.region);
        Map<String, String> ended = shop.awaitAllEnded(ids, Duration.ofMinutes(8));

        assertSoldExactly(sku, 50, ids, ended);
        assertThat(shop.stockOfAllShards(sku, near)).containsExactly(0, 0);
        assertThat(shop.stockOfAllShards(sku, far)).containsExactly(0, 0);
    }

    /**
     * Exactly {@code units} orders shipped, every other one was rejected for the stock alone, and
     * every saga succeeded: none failed its compensation.
     */
    private void assertSoldExactly(
            String sku, long units, List<String> ids, Map<String, String> ended) {
        assertThat(SagaFixture.countByStatus(ended))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("SHIPPED", units, "REJECTED", ids.size() - units));
        Set<String> rejectionReasons = new HashSet<>();
        ended.forEach(
                (id, status) -> {
                    if (status.equals("REJECTED")) {
                        rejectionReasons.add(reasonPrefix(id));
                    }
                });
        assertThat(rejectionReasons).containsExactly("not enough stock for " + sku);
        assertThat(
                        shop.sagasOf(Set.copyOf(ids)).stream()
                                .map(ExecutionListItem::statusAsString)
                                .collect(Collectors.toSet()))
                .as("every saga ends SUCCEEDED: none failed its compensation")
                .containsExactly("SUCCEEDED");
    }

    /** The rejection reason up to the product's figures ("not enough stock for SKU"). */
    private String reasonPrefix(String id) {
        String reason = shop.reasonInTable(id);
        int figures = reason.indexOf(" (");
        return figures < 0 ? reason : reason.substring(0, figures);
    }
}
