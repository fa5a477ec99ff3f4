package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was sent and under which idempotency key; can be told to fail the next send. */
public final class RecordingNotifier implements Notifier {

    /** One send as the channel saw it. */
    public record Sent(Notification notification, String idempotencyKey) {}

    private final List<Sent> sends = new CopyOnWriteArrayList<>();
    private volatile boolean failNext;

    /** The next send fails as an unreachable mail service does. */
    public void failNextSend() {
        failNext = true;
    }

    @Override
    public void send(Notification notification, String idempotencyKey) {
        if (failNext) {
            failNext = false;
            throw new DependencyUnavailable(
                    "mail service", new IllegalStateException("simulated outage"));
        }
        sends.add(new Sent(notification, idempotencyKey));
    }

    /** The notifications sent, in order. */
    public List<Notification> sent() {
        return sends.stream().map(Sent::notification).toList();
    }

    /** Every send with its idempotency key, in order. */
    public List<Sent> sends() {
        return List.copyOf(sends);
    }
}
