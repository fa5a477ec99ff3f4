package dev.orderflow.domain.saga;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import java.util.Optional;
import java.util.function.Function;

/**
 * The saga's way to change an order: read, decide, write under the optimistic lock, and on a lost
 * race read again and decide again (a customer's cancel is the usual competitor).
 */
final class SagaOrders {

    /** Lost races before the step fails and the workflow retries it. */
    static final int MAX_ATTEMPTS = 5;

    private final OrderRepository orders;

    SagaOrders(OrderRepository orders) {
        this.orders = orders;
    }

    Order load(OrderId id) {
        return orders.find(id).orElseThrow(() -> new OrderNotFound(id.value()));
    }

    /**
     * Applies {@code decide} to the current order until its answer is stored or needs no write.
     *
     * @param decide the next version and its trail detail, or empty when nothing is to be written
     * @return the order as stored at the end
     */
    Order change(OrderId id, Function<Order, Optional<Change>> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Order current = load(id);
            Optional<Change> change = decide.apply(current);
            if (change.isEmpty()) {
                return current;
            }
            if (orders.update(change.get().next(), change.get().detail())) {
                return change.get().next();
            }
        }
        throw new DependencyUnavailable(
                "orders table", new IllegalStateException("order " + id + " kept changing"));
    }

    /** A next version of an order and what its event should say. */
    record Change(Order next, String detail) {}
}
