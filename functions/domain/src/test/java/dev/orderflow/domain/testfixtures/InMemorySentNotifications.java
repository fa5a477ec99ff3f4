package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.SentNotifications;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Claimed notification keys in memory. */
public final class InMemorySentNotifications implements SentNotifications {

    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(Notification notification) {
        return claimed.add(notification.deduplicationKey());
    }

    @Override
    public void release(Notification notification) {
        claimed.remove(notification.deduplicationKey());
    }

    public Set<String> claimed() {
        return Set.copyOf(claimed);
    }
}
