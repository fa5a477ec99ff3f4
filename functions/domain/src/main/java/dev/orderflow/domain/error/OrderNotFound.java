package dev.orderflow.domain.error;

/**
 * No order with that id exists for the caller (404). A customer asking for another customer's order
 * gets this too, so ids never reveal whose they are.
 */
public final class OrderNotFound extends DomainException {

    /** Creates the failure for an order id. */
    public OrderNotFound(String orderId) {
        super("OrderNotFound", "order " + orderId + " was not found", null);
    }
}
