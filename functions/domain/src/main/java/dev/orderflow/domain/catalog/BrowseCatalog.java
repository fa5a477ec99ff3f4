package dev.orderflow.domain.catalog;

import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Objects;

/** Use case: a shopper browses the products that are for sale, a page at a time. */
public final class BrowseCatalog {

    private final ProductCatalog catalog;

    /** Creates the use case over the given catalog. */
    public BrowseCatalog(ProductCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The requested page of products for sale. A product deactivated between two pages is not shown
     * again; inactive products are never returned even if a store returned them.
     *
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor is not valid
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the catalog cannot answer
     */
    public Page<Product> browse(PageRequest request) {
        Page<Product> page = catalog.activeProducts(request);
        if (page.items().stream().allMatch(Product::active)) {
            return page;
        }
        return new Page<>(page.items().stream().filter(Product::active).toList(), page.next());
    }
}
