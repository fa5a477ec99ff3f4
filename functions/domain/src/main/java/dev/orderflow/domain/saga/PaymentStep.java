package dev.orderflow.domain.saga;

import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderChanges;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.payment.ChargeRequest;
import dev.orderflow.domain.payment.PaymentOutcome;
import dev.orderflow.domain.payment.PaymentProvider;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The saga's {@code TakePayment} step: take the payment for a reserved order. */
public final class PaymentStep {

    /** States in which the payment was taken already: a retried step must not charge again. */
    private static final Set<OrderStatus> PAID_ALREADY =
            EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPING, OrderStatus.SHIPPED);

    private final OrderChanges orders;
    private final PaymentProvider payments;
    private final Clock clock;

    public PaymentStep(OrderRepository orders, PaymentProvider payments, Clock clock) {
        this.orders = new OrderChanges(Objects.requireNonNull(orders, "orders"));
        this.payments = Objects.requireNonNull(payments, "payments");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Charges a reserved order's total and records the payment; a retry that finds the order paid
     * charges nothing.
     *
     * @param attempt 0 on the first try, then the workflow's retry count
     * @return proceed once paid; reject when the provider declined; cancel when the customer
     *     cancelled first (a charge that raced the cancellation is refunded here)
     * @throws dev.orderflow.domain.payment.PaymentUnavailable when the provider timed out or failed
     *     transiently (the workflow retries with backoff; the provider is idempotent)
     */
    public StepResult run(OrderId id, int attempt) {
        Order order = orders.load(id);
        if (order.status() == OrderStatus.CANCELLING) {
            return StepResult.cancel();
        }
        if (PAID_ALREADY.contains(order.status())) {
            return StepResult.proceed();
        }
        if (order.status() != OrderStatus.RESERVED) {
            throw new InvalidStateTransition(
                    id.value(), order.status().name(), OrderStatus.PAID.name());
        }
        PaymentOutcome outcome = payments.charge(new ChargeRequest(id, order.total(), attempt));
        if (outcome instanceof PaymentOutcome.Declined declined) {
            return StepResult.reject("payment declined: " + declined.reason());
        }
        String paymentId = ((PaymentOutcome.Approved) outcome).paymentId();
        Order stored = orders.change(order, current -> recordPayment(current, paymentId));
        if (stored.status() == OrderStatus.CANCELLING) {
            payments.refund(id, paymentId); // the order never recorded this payment
            return StepResult.cancel();
        }
        if (!PAID_ALREADY.contains(stored.status())) {
            throw new InvalidStateTransition(
                    id.value(), stored.status().name(), OrderStatus.PAID.name());
        }
        return StepResult.proceed();
    }

    /**
     * The order's paid version; nothing once it left {@link OrderStatus#RESERVED} meanwhile (a
     * cancellation, or a duplicate step that recorded its payment first).
     */
    private Optional<OrderChanges.Change> recordPayment(Order current, String paymentId) {
        if (current.status() != OrderStatus.RESERVED) {
            return Optional.empty();
        }
        return Optional.of(
                new OrderChanges.Change(
                        current.paid(paymentId, clock.instant()), "payment " + paymentId));
    }
}
