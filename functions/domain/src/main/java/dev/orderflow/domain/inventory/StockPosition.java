package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import java.util.Objects;

/**
 * The stock of one product in one center, as admins see it.
 *
 * @param sku the product
 * @param center the center holding it
 * @param available units that can still be promised, never negative
 * @param reserved units promised to orders that have not shipped, never negative
 */
public record StockPosition(Sku sku, CenterId center, int available, int reserved) {
    public StockPosition {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(center, "center");
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException(
                    "stock cannot be negative: available " + available + ", reserved " + reserved);
        }
    }
}
