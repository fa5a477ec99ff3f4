package dev.orderflow.domain.order;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.OrderNotFound;
import java.util.Optional;
import java.util.function.Function;

/**
 * How an order is changed: read, decide, write under the optimistic lock, and on a lost race read
 * again and decide again (the saga and a customer's cancel are each other's usual competitors).
 */
public final class OrderChanges {

    /** Lost races before giving up (the saga retries the step; the API answers 503). */
    static final int MAX_ATTEMPTS = 5;

    private final OrderRepository orders;

    public OrderChanges(OrderRepository orders) {
        this.orders = orders;
    }

    /**
     * The order with this id.
     *
     * @throws OrderNotFound if there is no such order
     */
    public Order load(OrderId id) {
        return orders.find(id).orElseThrow(() -> new OrderNotFound(id.value()));
    }

    /**
     * Applies {@code decide} to the current order until its answer is stored or needs no write.
     *
     * @param decide the next version and its trail detail, or empty when nothing is to be written
     * @return the order as stored at the end
     */
    public Order change(OrderId id, Function<Order, Optional<Change>> decide) {
        return change(load(id), decide);
    }

    /**
     * As {@link #change(OrderId, Function)}, deciding first on {@code read}, an order the caller
     * has just read (which saves reading it again); a lost race reads the current one.
     */
    public Order change(Order read, Function<Order, Optional<Change>> decide) {
        OrderId id = read.id();
        Order current = read;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                current = load(id);
            }
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
    public record Change(Order next, String detail) {}
}
