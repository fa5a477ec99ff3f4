package dev.orderflow.domain.payment;

import dev.orderflow.domain.order.OrderId;
import java.util.Optional;

/** The port to whoever takes the customer's money. Both operations are idempotent per order. */
public interface PaymentProvider {

    /**
     * Charges the order's amount, or returns the outcome of an earlier charge of the same order.
     *
     * @throws PaymentUnavailable if the provider timed out or failed transiently
     */
    PaymentOutcome charge(ChargeRequest request);

    /**
     * The payment an earlier charge of this order made, if the provider holds one: finds a charge
     * whose answer was lost (the provider took the money after the last attempt gave up waiting),
     * so the compensation can give it back.
     *
     * @throws PaymentUnavailable if the provider timed out or failed transiently
     */
    Optional<String> findCharge(OrderId order);

    /**
     * Gives an approved payment back. Refunding twice refunds once.
     *
     * @throws PaymentUnavailable if the provider timed out or failed transiently
     */
    void refund(OrderId order, String paymentId);
}
