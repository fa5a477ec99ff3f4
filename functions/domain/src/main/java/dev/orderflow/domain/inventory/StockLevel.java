package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import java.util.Objects;

/**
 * How many units of a product a center can still promise.
 *
 * @param sku the product
 * @param center the center holding it
 * @param available units not yet reserved, never negative
 */
public record StockLevel(Sku sku, CenterId center, int available) {
    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(center, "center");
        if (available < 0) {
            throw new IllegalArgumentException("available stock cannot be negative: " + available);
        }
    }
}
