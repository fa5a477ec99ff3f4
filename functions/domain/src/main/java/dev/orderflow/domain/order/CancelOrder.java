package dev.orderflow.domain.order;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import java.time.Clock;
import java.util.Objects;

/**
 * Use case: a customer (or an admin) cancels an order that has not shipped. The order becomes
 * {@link OrderStatus#CANCELLING}; its saga notices at its next step, compensates (refund, release)
 * and closes it as {@link OrderStatus#CANCELLED}. Asking again is harmless.
 */
public final class CancelOrder {

    /** Optimistic-lock retries before giving up on an order the saga keeps moving. */
    static final int MAX_ATTEMPTS = 5;

    private final OrderRepository orders;
    private final Clock clock;

    public CancelOrder(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Requests the cancellation.
     *
     * @return the order, {@link OrderStatus#CANCELLING} or already {@link OrderStatus#CANCELLED}
     * @throws OrderNotFound if it does not exist or the caller may not see it
     * @throws InvalidStateTransition if it shipped or was rejected already
     * @throws DependencyUnavailable if the order kept changing under us or the store is down
     */
    public Order cancel(Caller caller, OrderId id) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Order order =
                    orders.find(id)
                            .filter(o -> o.isVisibleTo(caller))
                            .orElseThrow(() -> new OrderNotFound(id.value()));
            if (order.status() == OrderStatus.CANCELLING
                    || order.status() == OrderStatus.CANCELLED) {
                return order; // asked before: same answer
            }
            if (!order.status().isCancellable()) {
                throw new InvalidStateTransition(
                        id.value(), order.status().name(), OrderStatus.CANCELLING.name());
            }
            Order cancelling = order.cancelRequested(clock.instant());
            if (orders.update(cancelling, "cancellation requested by " + caller.subject())) {
                return cancelling;
            }
            // The saga moved the order meanwhile: look again.
        }
        throw new DependencyUnavailable(
                "orders table", new IllegalStateException("order " + id + " kept changing"));
    }
}
