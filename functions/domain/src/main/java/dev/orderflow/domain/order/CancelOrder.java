package dev.orderflow.domain.order;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.region.AwsRegion;
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
    private final AwsRegion here;

    /**
     * @param here the region this runs in: an order homed in another one is changed only there
     */
    public CancelOrder(OrderRepository orders, Clock clock, AwsRegion here) {
        this.orders = new OrderChanges(Objects.requireNonNull(orders, "orders"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.here = Objects.requireNonNull(here, "here");
    }

    /**
     * Requests the cancellation.
     *
     * @return the order, {@link OrderStatus#CANCELLING} or already {@link OrderStatus#CANCELLED}
     * @throws OrderNotFound if it does not exist or the caller may not see it
     * @throws HomedInAnotherRegion if it is homed in another region (nothing is written)
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
                    order.requireHomedIn(here);
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
