package dev.orderflow.domain.notification;

/**
 * Remembers which notifications were sent (by {@link Notification#deduplicationKey()}) as a small
 * state machine per key: absent → {@code CLAIMED} (with an owner and a lease expiry) → {@code
 * SENT}. A claim whose lease expired may be taken over by exactly one later delivery; a {@code
 * SENT} key is never claimed again, so a redelivered message sends nothing.
 */
public interface SentNotifications {

    /**
     * Claims the right to send a notification: granted when the key is absent or its claim's lease
     * expired (only one of concurrent takers wins), refused when it was sent or another lease is
     * live.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    NotificationClaim claim(Notification notification);

    /**
     * Records that the granted claim's notification was sent, if the claim is still this owner's.
     *
     * @return false if the lease was lost meanwhile (another delivery took it over and will send
     *     with the same idempotency key, which the channel deduplicates)
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    boolean markSent(NotificationClaim.Granted claim);

    /**
     * Gives a granted claim back after sending failed, so the redelivery claims it at once; does
     * nothing if the claim is no longer this owner's.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void release(NotificationClaim.Granted claim);
}
