package dev.orderflow.domain.order;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: a customer (or an admin) cancels an order that has not shipped. The order becomes
 * {@link OrderStatus#CANCELLING}; its saga notices at its next step, compensates (refund, release)
 * and closes it as {@link OrderStatus#CANCELLED}. Asking again is harmless.
 */
public final class CancelOrder {

    private final OrderChanges orders;
    private final Clock clock;

    public CancelOrder(OrderRepository orders, Clock clock) {
        this.orders = new OrderChanges(Objects.requireNonNull(orders, "orders"));
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
        return orders.change(
                id,
                order -> {
                    if (!order.isVisibleTo(caller)) {
                        throw new OrderNotFound(id.value());
                    }
                    if (order.status() == OrderStatus.CANCELLING
                            || order.status() == OrderStatus.CANCELLED) {
                        return Optional.empty(); // asked before: same answer
                    }
                    if (!order.status().isCancellable()) {
                        throw new InvalidStateTransition(
                                id.value(), order.status().name(), OrderStatus.CANCELLING.name());
                    }
                    return Optional.of(
                            new OrderChanges.Change(
                                    order.cancelRequested(clock.instant()),
                                    "cancellation requested by " + caller.subject()));
                });
    }
}
