package dev.orderflow.domain.payment;

/**
 * The provider did not answer in time or failed transiently; the charge may be retried with backoff
 * (providers are idempotent per order, so a retry never charges twice). In the saga this is the ASL
 * error {@code Payment.Timeout} or {@code Payment.Unavailable}.
 */
public final class PaymentUnavailable extends RuntimeException {

    private final boolean timedOut;

    /** Creates the failure; {@code timedOut} tells a timeout from another transient error. */
    public PaymentUnavailable(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    /** The ASL error name the workflow retries on. */
    public String errorName() {
        return timedOut ? "Payment.Timeout" : "Payment.Unavailable";
    }
}
