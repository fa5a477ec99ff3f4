package dev.orderflow.domain.notification;

import java.util.Objects;

/**
 * Tells the customer how their order ended, exactly once per order and outcome however often the
 * message is delivered: the send is claimed first (a conditional write), and the claim is given
 * back if the send fails, so the redelivery tries again.
 */
public final class NotifyCustomer {

    /** What happened to a notification. */
    public enum Result {
        /** Sent now. */
        SENT,
        /** Sent before; nothing was sent again. */
        DUPLICATE
    }

    private final SentNotifications sent;
    private final Notifier notifier;

    public NotifyCustomer(SentNotifications sent, Notifier notifier) {
        this.sent = Objects.requireNonNull(sent, "sent");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /**
     * Sends the notification unless it was sent before.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store or the channel cannot
     *     answer; the claim is released, so a retry sends it
     */
    public Result send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        if (!sent.claim(notification)) {
            return Result.DUPLICATE;
        }
        try {
            notifier.send(notification);
        } catch (RuntimeException failed) {
            // Not swallowed: the claim is given back and the failure goes on to the caller.
            sent.release(notification);
            throw failed;
        }
        return Result.SENT;
    }
}
