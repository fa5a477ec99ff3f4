package dev.orderflow.domain.notification;

/** The port to whatever reaches the customer (e-mail, push). */
public interface Notifier {

    /**
     * Hands the notification to the channel. The channel must treat sends with the same {@code
     * idempotencyKey} as one (a mail provider's idempotency header), so a send repeated after a
     * crash between the channel's acceptance and {@link SentNotifications#markSent} reaches the
     * customer once.
     *
     * @param idempotencyKey the notification's {@link Notification#deduplicationKey()}
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the channel cannot take it now;
     *     whether it was accepted is then unknown, and a retry with the same key is safe
     */
    void send(Notification notification, String idempotencyKey);
}
