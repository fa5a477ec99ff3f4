package dev.orderflow.domain.notification;

/** The port to whatever reaches the customer (e-mail, push). */
public interface Notifier {

    /**
     * Sends the notification once.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the channel cannot take it now
     */
    void send(Notification notification);
}
