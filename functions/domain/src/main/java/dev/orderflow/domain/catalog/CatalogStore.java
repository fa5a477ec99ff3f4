package dev.orderflow.domain.catalog;

import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Optional;

/** The port through which admins maintain the catalog: every product, active or not. */
public interface CatalogStore {

    /**
     * The product with that SKU, active or not, if it exists.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Optional<Product> find(Sku sku);

    /**
     * Stores the product, replacing whatever was stored under its SKU, in one atomic write.
     *
     * @return true if no product had that SKU before (created), false if one was replaced
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    boolean save(Product product);

    /**
     * One page of every product, active or not, in the store's stable order.
     *
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor was not issued by this store
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Page<Product> allProducts(PageRequest request);
}
