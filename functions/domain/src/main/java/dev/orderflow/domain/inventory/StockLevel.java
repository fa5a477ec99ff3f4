package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import java.util.List;
import java.util.Objects;

/**
 * How many units of a product a center can still promise, shard by shard.
 *
 * @param sku the product
 * @param center the center holding it
 * @param shards the units not yet reserved in each of the product's stock shards at the center
 *     (index = shard number; one entry for a product that is not sharded), never negative
 */
public record StockLevel(Sku sku, CenterId center, List<Integer> shards) {
    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(center, "center");
        shards = List.copyOf(shards);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a stock level needs at least one shard");
        }
        for (int units : shards) {
            if (units < 0) {
                throw new IllegalArgumentException("available stock cannot be negative: " + units);
            }
        }
    }

    /** The level of a product held in one shard. */
    public StockLevel(Sku sku, CenterId center, int available) {
        this(sku, center, List.of(available));
    }

    /** Units not yet reserved, over all shards (capped at the largest int). */
    public int available() {
        long total = 0;
        for (int units : shards) {
            total += units;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
