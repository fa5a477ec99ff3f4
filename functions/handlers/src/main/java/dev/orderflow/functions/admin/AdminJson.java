package dev.orderflow.functions.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.inventory.StockPosition;
import dev.orderflow.domain.region.AwsRegion;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON bodies of the admin routes. */
final class AdminJson {

    private AdminJson() {}

    /** Amount as a decimal string, as the shop shows prices. */
    record PriceJson(String amount, String currency) {}

    record ProductJson(String sku, String name, PriceJson price, boolean active) {
        static ProductJson from(Product p) {
            return new ProductJson(
                    p.sku().value(),
                    p.name(),
                    new PriceJson(
                            p.price().decimalAmount().toPlainString(),
                            p.price().currency().getCurrencyCode()),
                    p.active());
        }
    }

    /** {@code warehouseEndpoint} and {@code homeRegion} are left out for a center without them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CenterJson(
            String centerId,
            String name,
            Map<String, Integer> regions,
            long handlingSeconds,
            String warehouseEndpoint,
            String homeRegion) {
        static CenterJson from(FulfillmentCenter c) {
            return new CenterJson(
                    c.id().value(),
                    c.name(),
                    new TreeMap<>(c.distanceKmByRegion()),
                    c.handlingTime().toSeconds(),
                    c.warehouse() instanceof WarehouseLink.Endpoint e ? e.url().toString() : null,
                    c.homeRegion().map(AwsRegion::name).orElse(null));
        }
    }

    record StockPositionJson(String sku, String centerId, int available, int reserved) {
        static StockPositionJson from(StockPosition p) {
            return new StockPositionJson(
                    p.sku().value(), p.center().value(), p.available(), p.reserved());
        }
    }

    record CenterStockJson(String centerId, int available, int reserved) {}

    /** A product's stock per center, summed over its {@code shards} stock shards. */
    record StockJson(String sku, int shards, List<CenterStockJson> levels) {
        static StockJson from(Sku sku, int shards, List<StockPosition> positions) {
            return new StockJson(
                    sku.value(),
                    shards,
                    positions.stream()
                            .map(
                                    p ->
                                            new CenterStockJson(
                                                    p.center().value(),
                                                    p.available(),
                                                    p.reserved()))
                            .toList());
        }
    }

    /** A page of any admin listing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageJson(List<?> items, String nextCursor) {}

    /** A complete, unpaged listing. */
    record ListJson(List<?> items) {}
}
