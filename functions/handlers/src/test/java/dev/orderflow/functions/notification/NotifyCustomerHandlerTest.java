package dev.orderflow.functions.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.NotifyCustomer;
import dev.orderflow.domain.notification.OrderOutcome;
import dev.orderflow.domain.testfixtures.InMemorySentNotifications;
import dev.orderflow.domain.testfixtures.RecordingNotifier;
import dev.orderflow.functions.support.Payloads;
import dev.orderflow.functions.support.Payloads.Message;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyCustomerHandlerTest {

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final InMemorySentNotifications sent = new InMemorySentNotifications();
    private final NotifyCustomerHandler handler =
            new NotifyCustomerHandler(new NotifyCustomer(sent, notifier), metrics);

    private static String body(String status) {
        return "{\"orderId\":\""
                + Shop.STORED_ORDER
                + "\",\"customerId\":\""
                + Shop.ALICE
                + "\",\"status\":\""
                + status
                + "\",\"reason\":\"\"}";
    }

    private List<String> failed(Message... messages) {
        SQSBatchResponse response =
                handler.handleRequest(Payloads.sqs(messages), new TestContext("req"));
        return response.getBatchItemFailures().stream()
                .map(BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void aDuplicateDelivery_sendsOnce_andAPoisonMessageIsHandedBack() {
        Message first = Message.of(body("SHIPPED"));
        Message duplicate = Message.of(body("SHIPPED"));
        Message poison = Message.of(body("LOST"));

        assertThat(failed(first, duplicate, poison)).containsExactly(poison.id());
        assertThat(notifier.sent())
                .containsExactly(
                        new Notification(Shop.STORED_ORDER, Shop.ALICE, OrderOutcome.SHIPPED, ""));
        assertThat(metrics.flushed("NotificationsSent")).isEqualTo(1);
        assertThat(metrics.flushed("NotificationsDuplicate")).isEqualTo(1);
        assertThat(metrics.flushed("PoisonMessages")).isEqualTo(1);
    }

    @Test
    void aMessageWithoutACustomer_isPoison() {
        Message poison =
                Message.of("{\"orderId\":\"" + Shop.STORED_ORDER + "\",\"status\":\"SHIPPED\"}");

        assertThat(failed(poison)).containsExactly(poison.id());
        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void aFailedSend_isRetried_andTheRedeliverySendsIt() {
        notifier.failNextSend();
        Message message = Message.of(body("REJECTED"));

        assertThat(failed(message)).containsExactly(message.id());
        assertThat(failed(message)).isEmpty();
        assertThat(notifier.sent()).hasSize(1);
    }

    @Test
    void aDeliveryWhileAnotherHoldsALiveClaim_isHandedBackForLater_andSendsNothing() {
        sent.claim(new Notification(Shop.STORED_ORDER, Shop.ALICE, OrderOutcome.SHIPPED, ""));
        Message message = Message.of(body("SHIPPED"));

        assertThat(failed(message)).containsExactly(message.id());
        assertThat(notifier.sent()).isEmpty();
    }
}
