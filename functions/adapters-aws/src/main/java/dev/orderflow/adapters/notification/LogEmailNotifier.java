package dev.orderflow.adapters.notification;

import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The "e-mail" channel: orderflow has no mail service, so a notification is one structured log line
 * (fields {@code notification.channel}, {@code notification.template}, {@code
 * notification.customerId}, {@code notification.reason} on the JSON log event) that a log
 * subscription or a test can pick up. Only ids and the outcome are logged, no address.
 */
public final class LogEmailNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(LogEmailNotifier.class);

    @Override
    @SuppressWarnings(
            "try") // the MDC entries are unused in the block: they only need removing after it
    public void send(Notification notification, String idempotencyKey) {
        String template =
                "order-" + notification.outcome().name().toLowerCase(java.util.Locale.ROOT);
        try (MDC.MDCCloseable channel = MDC.putCloseable("notification.channel", "email");
                MDC.MDCCloseable tpl = MDC.putCloseable("notification.template", template);
                MDC.MDCCloseable to =
                        MDC.putCloseable("notification.customerId", notification.customerId());
                MDC.MDCCloseable reason =
                        MDC.putCloseable("notification.reason", notification.reason())) {
            LOG.info(
                    "email {} sent to customer {} for order {} (idempotency key {})",
                    template,
                    notification.customerId(),
                    notification.orderId(),
                    idempotencyKey);
        }
    }
}
