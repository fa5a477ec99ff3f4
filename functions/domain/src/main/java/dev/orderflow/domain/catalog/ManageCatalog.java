package dev.orderflow.domain.catalog;

import dev.orderflow.domain.identity.Admins;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Objects;

/** Use case: an admin creates, changes and lists the products of the catalog. */
public final class ManageCatalog {

    /** The stored product and whether this call created it (or replaced an existing one). */
    public record Saved(Product product, boolean created) {}

    private final CatalogStore store;

    public ManageCatalog(CatalogStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Creates the product or replaces its name, price and active flag. Idempotent: putting the same
     * product twice leaves the same state.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     */
    public Saved put(Caller caller, Product product) {
        Admins.require(caller);
        return new Saved(product, store.save(product));
    }

    /**
     * One page of every product, inactive ones included.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor is not valid
     */
    public Page<Product> list(Caller caller, PageRequest page) {
        Admins.require(caller);
        return store.allProducts(page);
    }
}
