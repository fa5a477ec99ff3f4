package dev.orderflow.domain.payment;

import dev.orderflow.domain.order.OrderId;

/** The port to whoever takes the customer's money. Both operations are idempotent per order. */
public interface PaymentProvider {

    /**
     * Charges the order's amount, or returns the outcome of an earlier charge of the same order.
     *
     * @throws PaymentUnavailable if the provider timed out or failed transiently
     */
    PaymentOutcome charge(ChargeRequest request);

    /**
     * Gives an approved payment back. Refunding twice refunds once.
     *
     * @throws PaymentUnavailable if the provider timed out or failed transiently
     */
    void refund(OrderId order, String paymentId);
}
