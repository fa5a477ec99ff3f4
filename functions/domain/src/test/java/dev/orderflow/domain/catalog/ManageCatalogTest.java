package dev.orderflow.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.domain.testfixtures.InMemoryCatalogStore;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageCatalogTest {

    private static final Caller ADMIN = new Caller("ops", Set.of(Caller.ADMIN_SCOPE), Set.of());
    private static final Caller GROUP_ADMIN = new Caller("ops2", Set.of(), Set.of("admins"));
    private static final Caller CUSTOMER = new Caller("alice", Set.of("openid"), Set.of());

    private final InMemoryCatalogStore store = new InMemoryCatalogStore();
    private final ManageCatalog manage = new ManageCatalog(store);

    private static Product product(String sku, long price, boolean active) {
        return new Product(new Sku(sku), "Product " + sku, Money.ofMinor(price, "EUR"), active);
    }

    @Test
    void put_createsThenReplaces_andIsIdempotent() {
        assertThat(manage.put(ADMIN, product("MUG-1", 1000, true)).created()).isTrue();
        assertThat(manage.put(ADMIN, product("MUG-1", 1200, false)).created()).isFalse();
        assertThat(manage.put(GROUP_ADMIN, product("MUG-1", 1200, false)).created()).isFalse();

        assertThat(store.find(new Sku("MUG-1"))).contains(product("MUG-1", 1200, false));
    }

    @Test
    void list_includesInactiveProducts_inPagesThatChain() {
        manage.put(ADMIN, product("A-1", 100, true));
        manage.put(ADMIN, product("B-2", 100, false));
        manage.put(ADMIN, product("C-3", 100, true));

        Page<Product> first = manage.list(ADMIN, new PageRequest(2, Cursor.first()));
        Page<Product> second = manage.list(ADMIN, new PageRequest(2, first.next().orElseThrow()));

        assertThat(first.items()).extracting(p -> p.sku().value()).containsExactly("A-1", "B-2");
        assertThat(second.items()).extracting(p -> p.sku().value()).containsExactly("C-3");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void everyOperation_isForbiddenToCustomers_andChangesNothing() {
        assertThatThrownBy(() -> manage.put(CUSTOMER, product("MUG-1", 1, true)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> manage.list(CUSTOMER, new PageRequest(5, Cursor.first())))
                .isInstanceOf(Forbidden.class);
        assertThat(store.find(new Sku("MUG-1"))).isEmpty();
    }
}
