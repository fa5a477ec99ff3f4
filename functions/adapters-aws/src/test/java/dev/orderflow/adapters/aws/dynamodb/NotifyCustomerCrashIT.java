package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.adapters.notification.FakeMailServer;
import dev.orderflow.adapters.notification.HttpEmailNotifier;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.NotifyCustomer;
import dev.orderflow.domain.notification.OrderOutcome;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.testfixtures.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications exactly once from the customer's view, with crashes injected: the use case over the
 * real DynamoDB store (SDK client against the project's engine over HTTP) and the HTTP mail
 * adapter, asserting on what a fake mail server received.
 */
class NotifyCustomerCrashIT {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final AdjustableClock clock =
            new AdjustableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private FakeMailServer mail;
    private DynamoSentNotifications sent;
    private HttpEmailNotifier notifier;
    private NotifyCustomer notifyCustomer;

    @BeforeEach
    void start() throws Exception {
        mail = new FakeMailServer();
        String table = LocalDynamo.createTable("idempotency", "id", null);
        sent =
                new DynamoSentNotifications(
                        LocalDynamo.client(), table, clock, LEASE, Duration.ofDays(30));
        notifier =
                new HttpEmailNotifier(
                        mail.baseUrl(), FakeMailServer.API_KEY, HttpEmailNotifier.defaultClient());
        notifyCustomer = new NotifyCustomer(sent, notifier);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        mail.close();
    }

    private static Notification shipped() {
        return new Notification(OrderId.random(), "alice", OrderOutcome.SHIPPED, "");
    }

    private List<String> deliveredKeys() {
        return mail.deliveries().stream().map(FakeMailServer.Delivery::idempotencyKey).toList();
    }

    private List<String> requestedKeys() {
        return mail.requests().stream().map(FakeMailServer.Request::idempotencyKey).toList();
    }

    @Test
    void aSenderThatDiedBetweenClaimAndSend_isReplacedAfterItsLease_andTheMailGoesOutOnce() {
        Notification notification = shipped();
        sent.claim(notification); // the crash: claimed, never sent, never released

        clock.advance(LEASE.minusSeconds(1));
        assertThatThrownBy(() -> notifyCustomer.send(notification))
                .isInstanceOf(DependencyUnavailable.class);
        assertThat(mail.requests()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.SENT);

        assertThat(requestedKeys()).containsExactly(notification.deduplicationKey());
        assertThat(deliveredKeys()).containsExactly(notification.deduplicationKey());
        assertThat(mail.deliveries().get(0).body())
                .contains("\"orderId\":\"" + notification.orderId().value() + "\"")
                .contains("\"template\":\"order-shipped\"");
    }

    @Test
    void aSenderThatDiedAfterTheProviderAcceptedButBeforeMarkingSent_costsNoSecondMail() {
        Notification notification = shipped();
        sent.claim(notification);
        notifier.send(notification, notification.deduplicationKey()); // then the crash

        clock.advance(LEASE);
        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.SENT);

        assertThat(requestedKeys())
                .containsExactly(notification.deduplicationKey(), notification.deduplicationKey());
        assertThat(deliveredKeys()).containsExactly(notification.deduplicationKey());
    }

    @Test
    void aDuplicateDeliveryAfterTheSend_sendsNothing() {
        Notification notification = shipped();
        notifyCustomer.send(notification);

        clock.advance(LEASE.multipliedBy(10));
        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.DUPLICATE);

        assertThat(requestedKeys()).containsExactly(notification.deduplicationKey());
    }

    @Test
    void concurrentRedeliveriesAfterTheLease_sendExactlyOnce() throws Exception {
        Notification notification = shipped();
        sent.claim(notification);
        clock.advance(LEASE);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(
                    () -> {
                        go.await();
                        return outcomeOf(notification);
                    });
        }
        List<Future<String>> outcomes = new ArrayList<>();
        for (Callable<String> delivery : deliveries) {
            outcomes.add(pool.submit(delivery));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }

        assertThat(results).filteredOn("SENT"::equals).hasSize(1);
        assertThat(requestedKeys()).containsExactly(notification.deduplicationKey());
    }

    private String outcomeOf(Notification notification) {
        try {
            return notifyCustomer.send(notification).name();
        } catch (DependencyUnavailable held) {
            return "RETRY_LATER";
        }
    }

    @Test
    void aSendThatFails_releasesTheClaim_andTheRetrySendsOnce() {
        Notification notification = shipped();
        mail.failNext(503);

        assertThatThrownBy(() -> notifyCustomer.send(notification))
                .isInstanceOf(DependencyUnavailable.class);
        assertThat(mail.deliveries()).isEmpty();

        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.SENT);
        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.DUPLICATE);
        assertThat(deliveredKeys()).containsExactly(notification.deduplicationKey());
        assertThat(mail.requests())
                .extracting(FakeMailServer.Request::status)
                .containsExactly(503, 202);
    }
}
