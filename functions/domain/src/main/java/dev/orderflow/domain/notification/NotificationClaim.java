package dev.orderflow.domain.notification;

import java.time.Instant;
import java.util.Objects;

/** What a delivery of a notification learns when it asks for the right to send it. */
public sealed interface NotificationClaim {

    /**
     * This delivery may send: the notification was never claimed, or its last claim's lease ran out
     * (the sender died between claiming and marking it sent) and this delivery took it over. Until
     * {@code leaseExpiresAt} no other delivery takes it.
     *
     * @param notification what to send
     * @param owner who holds the lease; marking sent and releasing are conditional on it
     * @param leaseExpiresAt when another delivery may take the claim over
     * @param takenOver true when a dead sender's expired claim was taken over: it may have sent
     *     already, which the channel's idempotency key makes harmless
     */
    record Granted(
            Notification notification, String owner, Instant leaseExpiresAt, boolean takenOver)
            implements NotificationClaim {
        public Granted {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        }
    }

    /** Sent and marked so before: a duplicate delivery, nothing to send. */
    record AlreadySent() implements NotificationClaim {}

    /**
     * Another delivery holds an unexpired lease and may be sending right now; try again after
     * {@code leaseExpiresAt}.
     */
    record HeldElsewhere(Instant leaseExpiresAt) implements NotificationClaim {
        public HeldElsewhere {
            Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        }
    }
}
