package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.region.AwsRegion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Orders the domain tests place: alice's mugs, shipped to Munich (region {@code DE-BY}). */
public final class SampleOrders {

    private SampleOrders() {}

    /** The region the domain tests run their use cases in. */
    public static final AwsRegion HERE = new AwsRegion("eu-central-1");

    /** Another region, where orders and centers homed elsewhere live. */
    public static final AwsRegion ELSEWHERE = new AwsRegion("us-east-1");

    /** Places and stores a pending order of {@code mugs} mugs at 12.50 EUR each. */
    public static Order placeMugs(OrderRepository orders, int mugs, Instant now) {
        return placeMugs(orders, mugs, now, Optional.empty());
    }

    /** As {@link #placeMugs(OrderRepository, int, Instant)}, the order homed in that region. */
    public static Order placeMugs(
            OrderRepository orders, int mugs, Instant now, Optional<AwsRegion> home) {
        Order order =
                Order.place(
                        OrderId.random(),
                        "alice",
                        List.of(new OrderLine(new Sku("MUG"), mugs)),
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                        Money.ofMinor(1250L * mugs, "EUR"),
                        now,
                        home);
        orders.create(order);
        return order;
    }
}
