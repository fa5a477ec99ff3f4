package dev.orderflow.domain.notification;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.util.Objects;

/**
 * Tells the customer how their order ended, exactly once per order and outcome from the customer's
 * view however often the message is delivered and wherever a sender dies: claim (with a lease) →
 * send (with the notification's own idempotency key) → mark sent.
 *
 * <ul>
 *   <li>A sender that dies after claiming leaves a claim whose lease runs out; the redelivery takes
 *       it over and sends.
 *   <li>A sender that dies after the channel accepted but before marking sent is covered by the
 *       idempotency key: the taker's send is the same send to the channel.
 *   <li>A send that fails gives the claim back, so the redelivery sends at once.
 * </ul>
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
     * @throws DependencyUnavailable if the store or the channel cannot answer (the claim is
     *     released, so a retry sends it), or if another delivery holds a live claim on it (a retry
     *     after its lease finds it sent, or takes it over)
     */
    public Result send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        NotificationClaim claim = sent.claim(notification);
        if (claim instanceof NotificationClaim.Granted granted) {
            sendUnder(granted);
            return Result.SENT;
        }
        if (claim instanceof NotificationClaim.HeldElsewhere held) {
            throw new DependencyUnavailable(
                    "notification " + notification.deduplicationKey(),
                    new IllegalStateException(
                            "claimed by another delivery until " + held.leaseExpiresAt()));
        }
        return Result.DUPLICATE;
    }

    private void sendUnder(NotificationClaim.Granted claim) {
        Notification notification = claim.notification();
        try {
            notifier.send(notification, notification.deduplicationKey());
        } catch (RuntimeException failed) {
            // Not swallowed: the claim is given back and the failure goes on to the caller.
            sent.release(claim);
            throw failed;
        }
        // A lost lease (false) means a taker sends the same key again; the channel makes it one.
        sent.markSent(claim);
    }
}
