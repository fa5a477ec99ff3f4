package dev.orderflow.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.domain.testfixtures.InMemoryProductCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrowseCatalogTest {

    private static Product product(String sku, boolean active) {
        return new Product(new Sku(sku), "Product " + sku, Money.ofMinor(1250, "EUR"), active);
    }

    @Test
    void browse_returnsOnlyActiveProducts_inPagesThatChain() {
        var catalog =
                new InMemoryProductCatalog()
                        .with(
                                product("A-1", true),
                                product("B-2", false),
                                product("C-3", true),
                                product("D-4", true));
        var browse = new BrowseCatalog(catalog);

        Page<Product> first = browse.browse(new PageRequest(2, Cursor.first()));
        assertThat(first.items()).extracting(p -> p.sku().value()).containsExactly("A-1", "C-3");
        assertThat(first.next()).isPresent();

        Page<Product> second = browse.browse(new PageRequest(2, first.next().orElseThrow()));
        assertThat(second.items()).extracting(p -> p.sku().value()).containsExactly("D-4");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void browse_dropsInactiveProducts_whenTheStoreReturnsThem() {
        ProductCatalog leaky =
                new ProductCatalog() {
                    @Override
                    public Page<Product> activeProducts(PageRequest request) {
                        return new Page<>(
                                java.util.List.of(product("A-1", true), product("B-2", false)),
                                Optional.empty());
                    }

                    @Override
                    public java.util.Map<Sku, Product> productsBySku(java.util.Set<Sku> skus) {
                        return java.util.Map.of();
                    }
                };

        Page<Product> page = new BrowseCatalog(leaky).browse(new PageRequest(10, Cursor.first()));

        assertThat(page.items()).extracting(p -> p.sku().value()).containsExactly("A-1");
    }

    @Test
    void browse_propagatesDependencyUnavailable_whenTheStoreIsDown() {
        var catalog = new InMemoryProductCatalog();
        catalog.goDown();

        assertThatThrownBy(
                        () -> new BrowseCatalog(catalog).browse(new PageRequest(5, Cursor.first())))
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessage("catalog is unavailable");
    }

    @Test
    void pageRequest_rejectsLimitsOutsideOneToHundred() {
        assertThatThrownBy(() -> new PageRequest(0, Cursor.first()))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("limit: must be between 1 and 100");
        assertThatThrownBy(() -> new PageRequest(101, Cursor.first()))
                .isInstanceOf(InvalidInput.class);
        assertThat(new PageRequest(100, Cursor.first()).limit()).isEqualTo(100);
    }
}
