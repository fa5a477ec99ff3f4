package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.testfixtures.InMemoryOrderArchive;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewOrderTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final ViewOrder viewOrder = new ViewOrder(orders, new InMemoryOrderArchive());
    private final Order alices =
            Order.place(
                    OrderId.random(),
                    "alice",
                    List.of(new OrderLine(new Sku("MUG"), 1)),
                    new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                    Money.ofMinor(1250, "EUR"),
                    Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void view_showsTheOwnerAndAdminsTheOrder() {
        orders.create(alices);

        assertThat(viewOrder.view(new Caller("alice", Set.of(), Set.of()), alices.id()))
                .isEqualTo(alices);
        assertThat(
                        viewOrder.view(
                                new Caller("ops", Set.of("orderflow/admin"), Set.of()),
                                alices.id()))
                .isEqualTo(alices);
    }

    @Test
    void view_answersNotFound_forAnotherCustomersOrder_exactlyAsForAMissingOne() {
        orders.create(alices);
        Caller mallory = new Caller("mallory", Set.of(), Set.of());
        OrderId missing = OrderId.random();

        assertThatThrownBy(() -> viewOrder.view(mallory, alices.id()))
                .isInstanceOf(OrderNotFound.class)
                .hasMessage("order " + alices.id() + " was not found");
        assertThatThrownBy(() -> viewOrder.view(mallory, missing))
                .isInstanceOf(OrderNotFound.class)
                .hasMessage("order " + missing + " was not found");
    }
}
