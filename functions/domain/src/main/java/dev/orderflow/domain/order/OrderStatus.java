package dev.orderflow.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. The saga moves it forward; every failure path ends in {@link
 * #REJECTED} or {@link #CANCELLED} after compensation, so each order ends in exactly one of the
 * three terminal states.
 */
public enum OrderStatus {
    /** Accepted by the API; the saga has not reserved stock yet. */
    PENDING,
    /** Stock is reserved in one or more centers. */
    RESERVED,
    /** Payment is captured. */
    PAID,
    /** Shipments are with the fulfillment centers. */
    SHIPPING,
    /** Every shipment left its center. Terminal. */
    SHIPPED,
    /** The customer asked to cancel; compensation is running. */
    CANCELLING,
    /** Cancelled and compensated (stock released, payment refunded). Terminal. */
    CANCELLED,
    /** The order could not be fulfilled and was compensated; the reason is recorded. Terminal. */
    REJECTED;

    /** Whether nothing can happen to an order in this state any more. */
    public boolean isTerminal() {
        return this == SHIPPED || this == CANCELLED || this == REJECTED;
    }

    /** Whether the customer may still cancel: anything before the goods left. */
    public boolean isCancellable() {
        return this == PENDING || this == RESERVED || this == PAID || this == SHIPPING;
    }

    /** The states this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(RESERVED, REJECTED, CANCELLING);
            case RESERVED -> EnumSet.of(PAID, REJECTED, CANCELLING);
            case PAID -> EnumSet.of(SHIPPING, REJECTED, CANCELLING);
            case SHIPPING -> EnumSet.of(SHIPPED, REJECTED, CANCELLING);
            case CANCELLING -> EnumSet.of(CANCELLED);
            case SHIPPED, CANCELLED, REJECTED -> EnumSet.noneOf(OrderStatus.class);
        };
    }
}
