package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.catalog.CatalogStore;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Every product in memory, ordered by SKU; the cursor is the last SKU of the previous page. */
public final class InMemoryCatalogStore implements CatalogStore {

    private final TreeMap<String, Product> products = new TreeMap<>();

    /** Adds or replaces products. */
    public InMemoryCatalogStore with(Product... added) {
        for (Product p : added) {
            products.put(p.sku().value(), p);
        }
        return this;
    }

    @Override
    public synchronized Optional<Product> find(Sku sku) {
        return Optional.ofNullable(products.get(sku.value()));
    }

    @Override
    public synchronized boolean save(Product product) {
        return products.put(product.sku().value(), product) == null;
    }

    @Override
    public synchronized Page<Product> allProducts(PageRequest request) {
        String after = null;
        if (request.cursor() instanceof Cursor.After token) {
            if (!token.token().startsWith("all:")) {
                throw InvalidInput.of("cursor", "is not a cursor this catalog issued");
            }
            after = token.token().substring(4);
        }
        var tail = after == null ? products : products.tailMap(after, false);
        List<Product> items = new ArrayList<>();
        for (Product p : tail.values()) {
            if (items.size() == request.limit()) {
                String last = items.get(items.size() - 1).sku().value();
                return new Page<>(items, Optional.of(new Cursor.After("all:" + last)));
            }
            items.add(p);
        }
        return new Page<>(items, Optional.empty());
    }
}
