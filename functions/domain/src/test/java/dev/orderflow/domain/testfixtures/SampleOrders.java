package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.ShippingAddress;
import java.time.Instant;
import java.util.List;

/** Orders the domain tests place: alice's mugs, shipped to Munich (region {@code DE-BY}). */
public final class SampleOrders {

    private SampleOrders() {}

    /** Places and stores a pending order of {@code mugs} mugs at 12.50 EUR each. */
    public static Order placeMugs(OrderRepository orders, int mugs, Instant now) {
        Order order =
                Order.place(
                        OrderId.random(),
                        "alice",
                        List.of(new OrderLine(new Sku("MUG"), mugs)),
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                        Money.ofMinor(1250L * mugs, "EUR"),
                        now);
        orders.create(order);
        return order;
    }
}
