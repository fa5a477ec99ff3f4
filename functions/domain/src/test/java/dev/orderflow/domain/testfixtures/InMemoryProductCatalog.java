package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.ProductCatalog;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A catalog in memory, ordered by SKU, whose cursor is the last SKU of the previous page. */
public final class InMemoryProductCatalog implements ProductCatalog {

    private final TreeMap<String, Product> products = new TreeMap<>();
    private boolean unavailable;

    /** Adds or replaces products. */
    public InMemoryProductCatalog with(Product... added) {
        for (Product p : added) {
            products.put(p.sku().value(), p);
        }
        return this;
    }

    /** Makes every later call fail as if the store were down. */
    public void goDown() {
        unavailable = true;
    }

    @Override
    public Page<Product> activeProducts(PageRequest request) {
        if (unavailable) {
            throw new DependencyUnavailable("catalog", new IllegalStateException("down"));
        }
        // Java 17 has no pattern matching in switch: the sealed Cursor has two kinds.
        String after =
                request.cursor() instanceof Cursor.After token ? decode(token.token()) : null;
        var tail = after == null ? products : products.tailMap(after, false);
        List<Product> items = new ArrayList<>();
        for (Product p : tail.values()) {
            if (p.active()) {
                items.add(p);
            }
            if (items.size() == request.limit()) {
                break;
            }
        }
        boolean more =
                !items.isEmpty()
                        && products
                                .tailMap(items.get(items.size() - 1).sku().value(), false)
                                .values()
                                .stream()
                                .anyMatch(Product::active);
        Optional<Cursor.After> next =
                more
                        ? Optional.of(new Cursor.After("sku:" + items.get(items.size() - 1).sku()))
                        : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public Map<Sku, Product> productsBySku(Set<Sku> skus) {
        if (unavailable) {
            throw new DependencyUnavailable("catalog", new IllegalStateException("down"));
        }
        Map<Sku, Product> found = new HashMap<>();
        for (Sku sku : skus) {
            Product p = products.get(sku.value());
            if (p != null) {
                found.put(sku, p);
            }
        }
        return found;
    }

    private static String decode(String token) {
        if (!token.startsWith("sku:")) {
            throw InvalidInput.of("cursor", "is not a cursor this catalog issued");
        }
        return token.substring(4);
    }
}
