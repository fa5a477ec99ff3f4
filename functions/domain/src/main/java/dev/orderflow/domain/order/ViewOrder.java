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

    /**
     * The order with its event trail, if the caller may see it.
     *
     * @throws OrderNotFound as {@link #view}
     */
    public OrderHistory history(Caller caller, OrderId id) {
        Order order = view(caller, id);
        return new OrderHistory(order, orders.trail(id));
    }

    /** An order and what happened to it, oldest event first. */
    public record OrderHistory(Order order, java.util.List<OrderEvent> trail) {
        public OrderHistory {
            Objects.requireNonNull(order, "order");
            trail = java.util.List.copyOf(trail);
        }
    }
}
