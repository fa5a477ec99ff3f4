package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.domain.testfixtures.InMemoryOrdersByStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrowseOrdersByStatusTest {

    private static final Caller ADMIN = new Caller("ops", Set.of(Caller.ADMIN_SCOPE), Set.of());
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static Order placed(String customer, int minutes) {
        return Order.place(
                OrderId.random(),
                customer,
                List.of(new OrderLine(new Sku("MUG-BLUE"), 1)),
                new ShippingAddress("DE", "BY", "Munich", "80331", "Marienplatz 1"),
                Money.ofMinor(1250, "EUR"),
                T0.plusSeconds(60L * minutes));
    }

    @Test
    void list_returnsEveryCustomersOrdersInTheState_newestFirst() {
        Order older = placed("alice", 1);
        Order newer = placed("bob", 2);
        Order rejected = placed("carol", 3).rejected("no stock", T0.plusSeconds(600));
        var browse =
                new BrowseOrdersByStatus(new InMemoryOrdersByStatus().with(older, newer, rejected));

        Page<Order> first =
                browse.list(ADMIN, OrderStatus.PENDING, new PageRequest(1, Cursor.first()));
        Page<Order> second =
                browse.list(
                        ADMIN, OrderStatus.PENDING, new PageRequest(1, first.next().orElseThrow()));

        assertThat(first.items()).containsExactly(newer);
        assertThat(second.items()).containsExactly(older);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void list_leavesOutAnOrderThatLeftTheStateSinceTheIndexWasRead() {
        Order moved = placed("alice", 1).rejected("no stock", T0.plusSeconds(600));
        Order pending = placed("bob", 2);
        var browse =
                new BrowseOrdersByStatus(
                        new InMemoryOrdersByStatus()
                                .with(pending)
                                .staleEntry(OrderStatus.PENDING, moved));

        assertThat(
                        browse.list(ADMIN, OrderStatus.PENDING, new PageRequest(10, Cursor.first()))
                                .items())
                .containsExactly(pending);
    }

    @Test
    void customers_areForbidden() {
        var browse = new BrowseOrdersByStatus(new InMemoryOrdersByStatus());
        var customer = new Caller("alice", Set.of(), Set.of());

        assertThatThrownBy(
                        () ->
                                browse.list(
                                        customer,
                                        OrderStatus.PENDING,
                                        new PageRequest(10, Cursor.first())))
                .isInstanceOf(Forbidden.class);
    }
}
