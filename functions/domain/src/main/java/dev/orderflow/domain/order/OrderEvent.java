package dev.orderflow.domain.order;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's append-only event trail: the state a version of the order reached.
 *
 * @param version the order version this event recorded (1 = placed)
 * @param status the state reached
 * @param at when
 * @param detail what a reader should know, e.g. a rejection reason or tracking numbers; may be
 *     empty
 */
public record OrderEvent(long version, OrderStatus status, Instant at, String detail) {
    public OrderEvent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /** The event that storing this version of the order records. */
    public static OrderEvent of(Order order, String detail) {
        return new OrderEvent(order.version(), order.status(), order.updatedAt(), detail);
    }
}
