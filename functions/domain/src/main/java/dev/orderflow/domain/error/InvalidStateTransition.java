package dev.orderflow.domain.error;

/**
 * The order is not in a state that allows the requested change, e.g. cancelling a shipped order
 * (409).
 */
public final class InvalidStateTransition extends DomainException {

    /** Creates the failure naming the order, its state and the refused change. */
    public InvalidStateTransition(String orderId, String from, String to) {
        super(
                "InvalidStateTransition",
                "order " + orderId + " is " + from + " and cannot become " + to,
                null);
    }
}
