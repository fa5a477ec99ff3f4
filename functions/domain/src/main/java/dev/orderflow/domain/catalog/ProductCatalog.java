package dev.orderflow.domain.catalog;

import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Map;
import java.util.Set;

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

    /**
     * The products with these SKUs, active or not; unknown SKUs are absent from the result.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Map<Sku, Product> productsBySku(Set<Sku> skus);
}
