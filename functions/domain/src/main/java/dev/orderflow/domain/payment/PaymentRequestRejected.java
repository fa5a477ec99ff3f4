package dev.orderflow.domain.payment;

/**
 * The provider refused orderflow's request itself (malformed, unauthenticated, forbidden, unknown
 * payment): a bug or a configuration error, such as a revoked API key, that no retry can fix. It is
 * not a decline: the customer's card was never judged. In the saga it is the ASL error {@code
 * dev.orderflow.domain.payment.PaymentRequestRejected}, which no {@code Retry} matches, so the
 * order is compensated at once and fails with a reason an operator can act on.
 */
public final class PaymentRequestRejected extends RuntimeException {

    /** Creates the failure; the message names the provider's status and error, never a secret. */
    public PaymentRequestRejected(String message) {
        super(message);
    }
}
