package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.NotificationClaim;
import dev.orderflow.domain.notification.SentNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Notification claims in memory, with the same lease rules as the DynamoDB store. */
public final class InMemorySentNotifications implements SentNotifications {

    /** The stored state of one key. */
    public enum State {
        CLAIMED,
        SENT
    }

    private record Entry(State state, String owner, Instant leaseExpiresAt) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Clock clock;
    private final Duration lease;

    /** Claims under the system clock with a 30 s lease. */
    public InMemorySentNotifications() {
        this(Clock.systemUTC(), Duration.ofSeconds(30));
    }

    public InMemorySentNotifications(Clock clock, Duration lease) {
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public synchronized NotificationClaim claim(Notification notification) {
        String key = notification.deduplicationKey();
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.state() == State.SENT) {
            return new NotificationClaim.AlreadySent();
        }
        if (entry != null && now.isBefore(entry.leaseExpiresAt())) {
            return new NotificationClaim.HeldElsewhere(entry.leaseExpiresAt());
        }
        Entry claimed = new Entry(State.CLAIMED, UUID.randomUUID().toString(), now.plus(lease));
        entries.put(key, claimed);
        return new NotificationClaim.Granted(
                notification, claimed.owner(), claimed.leaseExpiresAt(), entry != null);
    }

    @Override
    public synchronized boolean markSent(NotificationClaim.Granted claim) {
        String key = claim.notification().deduplicationKey();
        Entry entry = entries.get(key);
        if (!heldBy(entry, claim)) {
            return false;
        }
        entries.put(key, new Entry(State.SENT, claim.owner(), entry.leaseExpiresAt()));
        return true;
    }

    @Override
    public synchronized void release(NotificationClaim.Granted claim) {
        String key = claim.notification().deduplicationKey();
        if (heldBy(entries.get(key), claim)) {
            entries.remove(key);
        }
    }

    /** The state stored under a notification's key, if any. */
    public synchronized Optional<State> stateOf(Notification notification) {
        return Optional.ofNullable(entries.get(notification.deduplicationKey())).map(Entry::state);
    }

    private static boolean heldBy(Entry entry, NotificationClaim.Granted claim) {
        return entry != null
                && entry.state() == State.CLAIMED
                && entry.owner().equals(claim.owner());
    }
}
