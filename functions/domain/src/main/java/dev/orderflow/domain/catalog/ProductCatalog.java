package dev.orderflow.domain.catalog;

import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;

/** The port to wherever the catalog is stored. */
public interface ProductCatalog {

    /**
     * One page of the products that are for sale, in the store's stable order.
     *
     * @throws dev.orderflow.domain.error.InvalidInput if the request's cursor was not issued by
     *     this catalog
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Page<Product> activeProducts(PageRequest request);
}
