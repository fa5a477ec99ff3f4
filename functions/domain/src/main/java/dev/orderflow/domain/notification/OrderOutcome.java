package dev.orderflow.domain.notification;

/** How an order ended, as the customer is told. */
public enum OrderOutcome {
    /** Every shipment left its center. */
    SHIPPED,
    /** The order could not be fulfilled; nothing is charged. */
    REJECTED,
    /** The order was cancelled as the customer asked. */
    CANCELLED
}
