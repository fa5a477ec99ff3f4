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
     * Stock of these products, possibly as it was up to a second ago: an adapter may serve the
     * levels of a hot (sharded) product from a short-lived copy instead of reading its every shard
     * for every order. An order the copy cannot fill is refused on it, so after a restock or a
     * release such an order can be refused for up to a second; a reservation planned on it is still
     * conditional on the stock being there, and when it fails the caller plans again on {@link
     * #levelsOf}.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    default List<StockLevel> recentLevelsOf(Set<Sku> skus) {
        return levelsOf(skus);
    }
}
