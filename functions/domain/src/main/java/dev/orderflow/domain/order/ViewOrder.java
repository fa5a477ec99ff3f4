package dev.orderflow.domain.order;

import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import java.util.Objects;

/** Use case: a customer (or an admin) looks at one order. */
public final class ViewOrder {

    private final OrderRepository orders;

    public ViewOrder(OrderRepository orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /**
     * The order, if the caller may see it.
     *
     * @throws OrderNotFound if it does not exist or belongs to another customer: the two cases are
     *     indistinguishable, so an id reveals nothing about other customers
     */
    public Order view(Caller caller, OrderId id) {
        return orders.find(id)
                .filter(order -> order.isVisibleTo(caller))
                .orElseThrow(() -> new OrderNotFound(id.value()));
    }
}
