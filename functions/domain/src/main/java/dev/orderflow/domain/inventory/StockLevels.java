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
}
