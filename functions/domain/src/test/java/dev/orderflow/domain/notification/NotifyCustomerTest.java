package dev.orderflow.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.testfixtures.InMemorySentNotifications;
import dev.orderflow.domain.testfixtures.RecordingNotifier;
import org.junit.jupiter.api.Test;

class NotifyCustomerTest {

    private final InMemorySentNotifications sent = new InMemorySentNotifications();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final NotifyCustomer notifyCustomer = new NotifyCustomer(sent, notifier);

    private static Notification shipped(OrderId order) {
        return new Notification(order, "alice", OrderOutcome.SHIPPED, "");
    }

    @Test
    void send_sendsOnce_howeverOftenTheSameNotificationArrives() {
        Notification notification = shipped(OrderId.random());

        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.SENT);
        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.DUPLICATE);
        assertThat(notifier.sent()).containsExactly(notification);
    }

    @Test
    void send_sendsEachOutcomeOfAnOrder() {
        OrderId order = OrderId.random();
        Notification rejected = new Notification(order, "alice", OrderOutcome.REJECTED, "no stock");

        notifyCustomer.send(shipped(order));
        notifyCustomer.send(rejected);

        assertThat(notifier.sent()).hasSize(2);
    }

    @Test
    void send_givesTheClaimBack_whenSendingFails_soTheRedeliverySendsIt() {
        Notification notification = shipped(OrderId.random());
        notifier.failNextSend();

        assertThatThrownBy(() -> notifyCustomer.send(notification))
                .isInstanceOf(DependencyUnavailable.class);
        assertThat(sent.claimed()).isEmpty();

        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.SENT);
        assertThat(notifier.sent()).containsExactly(notification);
    }

    @Test
    void deduplicationKey_isTheOrderAndOutcome() {
        OrderId order = OrderId.random();

        assertThat(shipped(order).deduplicationKey()).isEqualTo(order + "#SHIPPED");
    }
}
