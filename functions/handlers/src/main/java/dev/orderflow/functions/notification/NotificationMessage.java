package dev.orderflow.functions.notification;

import static dev.orderflow.functions.messaging.MessageBodies.required;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.OrderOutcome;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.functions.messaging.MessageBodies;

/**
 * The saga's last message: {@code
 * {"orderId":"<uuid>","customerId":"...","status":"SHIPPED|REJECTED|CANCELLED","reason":"..."}};
 * {@code reason} may be absent.
 */
record NotificationMessage(String orderId, String customerId, String status, String reason) {

    /**
     * @throws InvalidInput if the body is not such a message
     */
    static Notification read(String body) {
        NotificationMessage m = MessageBodies.read(body, NotificationMessage.class);
        OrderOutcome outcome;
        try {
            outcome = OrderOutcome.valueOf(required(m.status(), "status"));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("status", "must be SHIPPED, REJECTED or CANCELLED");
        }
        return new Notification(
                new OrderId(required(m.orderId(), "orderId")),
                required(m.customerId(), "customerId"),
                outcome,
                m.reason() == null ? "" : m.reason());
    }
}
