package dev.orderflow.domain.saga;

import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderChanges;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.payment.PaymentProvider;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The saga's way back, run in reverse order of the forward steps: refund, release, close. Every
 * operation is idempotent, so the workflow may retry any of them, and any order of failures ends in
 * exactly one terminal state.
 */
public final class Compensation {

    private final OrderChanges orders;
    private final PaymentProvider payments;
    private final StockReservations reservations;
    private final Clock clock;

    public Compensation(
            OrderRepository orders,
            PaymentProvider payments,
            StockReservations reservations,
            Clock clock) {
        this.orders = new OrderChanges(Objects.requireNonNull(orders, "orders"));
        this.payments = Objects.requireNonNull(payments, "payments");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Gives the order's payment back, if it was paid: the payment the order recorded or, for an
     * order that got as far as a charge attempt without recording one, a charge the provider took
     * after the attempt stopped waiting for its answer.
     *
     * @return the refunded payment id, or empty if there was nothing to refund
     */
    public Optional<String> refund(OrderId id) {
        Order order = orders.load(id);
        Optional<String> paymentId = order.paymentId().or(() -> unrecordedCharge(order));
        paymentId.ifPresent(p -> payments.refund(id, p));
        return paymentId;
    }

    /** A charge the provider took for the order without the order recording it. */
    private Optional<String> unrecordedCharge(Order order) {
        // Payment is attempted only after the stock is reserved: a PENDING order was never charged.
        if (order.status() == OrderStatus.PENDING) {
            return Optional.empty();
        }
        return payments.findCharge(order.id());
    }

    /** Returns the order's reserved units to stock (none if they shipped or were released). */
    public void release(OrderId id) {
        reservations.release(id);
    }

    /**
     * Ends the order: {@link OrderStatus#CANCELLED} if the customer cancelled it, {@link
     * OrderStatus#REJECTED} with the reason otherwise. An order that ended already stays as it is.
     *
     * @param reason why the saga could not complete it
     * @return the order as it ended
     */
    public Order close(OrderId id, String reason) {
        return orders.change(id, current -> recordClosing(current, reason));
    }

    /** The order's last version; nothing if it ended already. */
    private Optional<OrderChanges.Change> recordClosing(Order current, String reason) {
        if (current.status().isTerminal()) {
            return Optional.empty();
        }
        Order closed;
        if (current.status() == OrderStatus.CANCELLING) {
            closed = current.cancelled(clock.instant());
        } else {
            closed = current.rejected(reason, clock.instant());
        }
        return Optional.of(new OrderChanges.Change(closed, closed.reason()));
    }
}
