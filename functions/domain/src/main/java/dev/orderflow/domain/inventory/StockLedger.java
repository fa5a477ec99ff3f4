package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import java.util.List;

/**
 * The port through which admins read and correct stock. Corrections are atomic relative
 * adjustments, never overwrites, so they cannot undo a reservation the saga made concurrently.
 */
public interface StockLedger {

    /**
     * The product's stock in every center that holds a record of it, ordered by center id.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    List<StockPosition> positionsOf(Sku sku);

    /**
     * How many stock shards new reservations of the product spread over (1 unless changed).
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    int shardCount(Sku sku);

    /**
     * Spreads the product's units at every center evenly over {@code shards} shards, moving units
     * between shards one atomic write at a time while orders keep reserving, so none is lost or
     * counted twice. Reservations held in a shard beyond the new count still settle there; its
     * units are sold from there and moved on by the next reshard.
     *
     * @param shards between 1 and {@link ShardBalance#MAX_SHARDS}
     * @return the positions after it, summed over the shards
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer or
     *     reservations kept moving the units; the count is set, and a retry finishes the spread
     */
    List<StockPosition> reshard(Sku sku, int shards);

    /**
     * Adds {@code delta} (negative to remove) to the available units of the product in the center,
     * atomically, creating the record at zero first if there is none. An addition is spread over
     * the product's shards; a removal takes from whichever shards hold units.
     *
     * @return the position after the adjustment
     * @throws dev.orderflow.domain.error.InsufficientStock if the result would be negative; nothing
     *     changes then
     * @throws dev.orderflow.domain.error.InvalidInput naming {@code delta} if the result would not
     *     fit a 32-bit count
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer or the
     *     row is locked by a concurrent reservation; nothing changes then, and a retry may succeed
     */
    StockPosition adjust(Sku sku, CenterId center, int delta);
}
