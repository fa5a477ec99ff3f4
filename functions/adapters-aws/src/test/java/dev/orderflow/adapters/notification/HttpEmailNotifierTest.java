package dev.orderflow.adapters.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.OrderOutcome;
import dev.orderflow.domain.order.OrderId;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP mail adapter against a fake mail API server. */
class HttpEmailNotifierTest {

    private FakeMailServer mail;
    private HttpEmailNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        mail = new FakeMailServer();
        notifier =
                new HttpEmailNotifier(
                        mail.baseUrl(), FakeMailServer.API_KEY, HttpEmailNotifier.defaultClient());
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    private static Notification rejected(String reason) {
        return new Notification(OrderId.random(), "cust-7", OrderOutcome.REJECTED, reason);
    }

    @Test
    void send_postsTheMailWithTheKeyAndTheIdempotencyKey() {
        Notification notification = rejected("card \"declined\"\n");

        notifier.send(notification, "the-key");

        assertThat(mail.requests()).hasSize(1);
        FakeMailServer.Request request = mail.requests().get(0);
        assertThat(request.idempotencyKey()).isEqualTo("the-key");
        assertThat(request.authorization()).isEqualTo("Bearer " + FakeMailServer.API_KEY);
        assertThat(request.body())
                .isEqualTo(
                        "{\"to\":\"cust-7\",\"template\":\"order-rejected\",\"data\":{\"orderId\":\""
                                + notification.orderId().value()
                                + "\",\"outcome\":\"REJECTED\",\"reason\":\"card \\\"declined\\\"\\u000a\"}}");
    }

    @Test
    void send_isRetryable_whenTheProviderIsBusyOrDown() {
        mail.failNext(429);
        mail.failNext(503);
        mail.failNext(409);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> notifier.send(rejected(""), "k"))
                    .isInstanceOf(DependencyUnavailable.class);
        }
        assertThat(mail.deliveries()).isEmpty();
    }

    @Test
    void send_failsAsAConfigurationError_whenTheKeyIsRefused() {
        HttpEmailNotifier wrongKey =
                new HttpEmailNotifier(mail.baseUrl(), "wrong", HttpEmailNotifier.defaultClient());

        assertThatThrownBy(() -> wrongKey.send(rejected(""), "k"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("401");
    }

    @Test
    void send_isRetryable_whenTheProviderCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpEmailNotifier unreachable =
                new HttpEmailNotifier(
                        URI.create("http://127.0.0.1:" + closedPort + "/v1"),
                        FakeMailServer.API_KEY,
                        HttpEmailNotifier.defaultClient());

        assertThatThrownBy(() -> unreachable.send(rejected(""), "k"))
                .isInstanceOf(DependencyUnavailable.class);
    }
}
