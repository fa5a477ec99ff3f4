package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was sent; can be told to fail the next send. */
public final class RecordingNotifier implements Notifier {

    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private volatile boolean failNext;

    /** The next send fails as an unreachable mail service does. */
    public void failNextSend() {
        failNext = true;
    }

    @Override
    public void send(Notification notification) {
        if (failNext) {
            failNext = false;
            throw new DependencyUnavailable(
                    "mail service", new IllegalStateException("simulated outage"));
        }
        sent.add(notification);
    }

    public List<Notification> sent() {
        return List.copyOf(sent);
    }
}
