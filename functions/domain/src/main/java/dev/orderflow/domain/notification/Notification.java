package dev.orderflow.domain.notification;

import dev.orderflow.domain.order.OrderId;
import java.util.Objects;

/**
 * What the customer is told when their order ends. At most one per order and outcome is sent.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param outcome how it ended
 * @param reason why, for rejections and cancellations; empty otherwise
 */
public record Notification(
        OrderId orderId, String customerId, OrderOutcome outcome, String reason) {
    public Notification {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (customerId.isBlank()) {
            throw dev.orderflow.domain.error.InvalidInput.of("customerId", "is required");
        }
    }

    /** The key that makes sending idempotent: one notification per order and outcome. */
    public String deduplicationKey() {
        return orderId.value() + "#" + outcome.name();
    }
}
