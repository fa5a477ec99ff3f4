package dev.orderflow.domain.notification;

/**
 * Remembers which notifications were sent (by {@link Notification#deduplicationKey()}), so a
 * redelivered message sends nothing.
 */
public interface SentNotifications {

    /**
     * Claims the right to send a notification; only the first claim of a key wins.
     *
     * @return true if this call claimed it, false if it was claimed before
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    boolean claim(Notification notification);

    /**
     * Gives a claim back after sending failed, so a redelivery sends it.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void release(Notification notification);
}
