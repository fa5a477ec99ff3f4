package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import java.util.List;
import java.util.Set;

/** The port to current stock, read before allocating. */
public interface StockLevels {

    /**
     * Stock of these products in every center that holds any.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    List<StockLevel> levelsOf(Set<Sku> skus);

    /**
     * Stock of these products, possibly as it was a moment ago: an adapter may serve the levels of
     * a hot product from a short-lived copy instead of reading its every shard for every order.
     * Good enough to plan a reservation, which is conditional on the stock still being there; when
     * it fails, plan again on {@link #levelsOf}.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    default List<StockLevel> recentLevelsOf(Set<Sku> skus) {
        return levelsOf(skus);
    }
}
