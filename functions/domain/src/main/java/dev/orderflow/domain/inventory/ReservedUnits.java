package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import java.util.Objects;

/**
 * Units of one product held for an order in one stock shard of a center: what a release gives back
 * to that shard, or a commit removes from it.
 *
 * @param sku the product
 * @param center the center
 * @param shard the shard the units came from, from 0
 * @param units how many, at least 1
 */
public record ReservedUnits(Sku sku, CenterId center, int shard, int units) {
    public ReservedUnits {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(center, "center");
        if (shard < 0 || units < 1) {
            throw new IllegalArgumentException("shard " + shard + ", units " + units);
        }
    }
}
