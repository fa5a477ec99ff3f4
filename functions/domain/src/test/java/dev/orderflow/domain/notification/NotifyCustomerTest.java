package dev.orderflow.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.testfixtures.AdjustableClock;
import dev.orderflow.domain.testfixtures.InMemorySentNotifications;
import dev.orderflow.domain.testfixtures.InMemorySentNotifications.State;
import dev.orderflow.domain.testfixtures.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotifyCustomerTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final AdjustableClock clock =
            new AdjustableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemorySentNotifications sent = new InMemorySentNotifications(clock, LEASE);
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
        clock.advance(LEASE.multipliedBy(10));
        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.DUPLICATE);

        assertThat(notifier.sent()).containsExactly(notification);
        assertThat(sent.stateOf(notification)).contains(State.SENT);
    }

    @Test
    void send_passesTheNotificationsOwnKey_asTheChannelsIdempotencyKey() {
        Notification notification = shipped(OrderId.random());

        notifyCustomer.send(notification);

        assertThat(notifier.sends())
                .containsExactly(
                        new RecordingNotifier.Sent(notification, notification.deduplicationKey()));
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
        assertThat(sent.stateOf(notification)).isEmpty();

        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.SENT);
        assertThat(notifier.sent()).containsExactly(notification);
    }

    @Test
    void send_refusesForNow_whileAnotherDeliveryHoldsALiveClaim() {
        Notification notification = shipped(OrderId.random());
        sent.claim(notification); // another delivery is sending right now

        clock.advance(LEASE.minusSeconds(1));

        assertThatThrownBy(() -> notifyCustomer.send(notification))
                .isInstanceOf(DependencyUnavailable.class)
                .hasRootCauseMessage("claimed by another delivery until 2026-12-01T10:00:30Z");
        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void send_takesOverAClaimWhoseSenderDied_onceItsLeaseRanOut() {
        Notification notification = shipped(OrderId.random());
        sent.claim(notification); // the sender dies here: claimed, never sent

        clock.advance(LEASE);

        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.SENT);
        assertThat(notifyCustomer.send(notification)).isEqualTo(NotifyCustomer.Result.DUPLICATE);
        assertThat(notifier.sent()).containsExactly(notification);
    }

    @Test
    void markSent_ofALostLease_isRefused_andTheTakersMarkWins() {
        Notification notification = shipped(OrderId.random());
        NotificationClaim.Granted slow = (NotificationClaim.Granted) sent.claim(notification);
        clock.advance(LEASE.plusSeconds(1));
        NotificationClaim.Granted taker = (NotificationClaim.Granted) sent.claim(notification);

        assertThat(taker.takenOver()).isTrue();
        assertThat(sent.markSent(slow)).isFalse();
        sent.release(slow);
        assertThat(sent.stateOf(notification)).contains(State.CLAIMED);
        assertThat(sent.markSent(taker)).isTrue();
        assertThat(sent.stateOf(notification)).contains(State.SENT);
    }

    @Test
    void deduplicationKey_isTheOrderAndOutcome() {
        OrderId order = OrderId.random();

        assertThat(shipped(order).deduplicationKey()).isEqualTo(order + "#SHIPPED");
    }
}
