package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.NotificationClaim;
import dev.orderflow.domain.notification.OrderOutcome;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.testfixtures.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The claim state machine of notifications through the real SDK against the project's engine. */
class DynamoSentNotificationsIT {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private String table;
    private DynamoSentNotifications sent;

    @BeforeEach
    void table() {
        table = LocalDynamo.createTable("idempotency", "id", null);
        sent = new DynamoSentNotifications(dynamo, table, clock, LEASE, Duration.ofDays(30));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Notification shipped(OrderId order) {
        return new Notification(order, "alice", OrderOutcome.SHIPPED, "");
    }

    private Map<String, AttributeValue> itemOf(Notification notification) {
        return dynamo.getItem(
                        g ->
                                g.tableName(table)
                                        .consistentRead(true)
                                        .key(
                                                Map.of(
                                                        "id",
                                                        AttributeValue.fromS(
                                                                DynamoSentNotifications.idOf(
                                                                        notification)))))
                .item();
    }

    @Test
    void claim_storesAClaimWithItsLeaseAndExpiry_andASecondClaimIsHeldElsewhere() {
        Notification notification = shipped(OrderId.random());

        NotificationClaim first = sent.claim(notification);

        assertThat(first).isInstanceOf(NotificationClaim.Granted.class);
        assertThat(sent.claim(notification))
                .isEqualTo(new NotificationClaim.HeldElsewhere(NOW.plus(LEASE)));
        Map<String, AttributeValue> item = itemOf(notification);
        assertThat(item.get("claimState").s()).isEqualTo("CLAIMED");
        assertThat(item.get("owner").s()).isEqualTo(((NotificationClaim.Granted) first).owner());
        assertThat(item.get("leaseExpiresAt").n())
                .isEqualTo(Long.toString(NOW.plus(LEASE).toEpochMilli()));
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
    }

    @Test
    void markSent_makesEveryLaterClaimADuplicate_evenPastTheLease() {
        Notification notification = shipped(OrderId.random());
        NotificationClaim.Granted claim = (NotificationClaim.Granted) sent.claim(notification);

        assertThat(sent.markSent(claim)).isTrue();
        clock.advance(LEASE.multipliedBy(3));

        assertThat(sent.claim(notification)).isEqualTo(new NotificationClaim.AlreadySent());
        assertThat(itemOf(notification).get("claimState").s()).isEqualTo("SENT");
    }

    @Test
    void claim_ofAnotherOutcomeOfTheSameOrder_isItsOwn() {
        OrderId order = OrderId.random();
        sent.claim(shipped(order));

        assertThat(sent.claim(new Notification(order, "alice", OrderOutcome.CANCELLED, "")))
                .isInstanceOf(NotificationClaim.Granted.class);
    }

    @Test
    void release_letsTheNextClaimWin_atOnce() {
        Notification notification = shipped(OrderId.random());
        NotificationClaim.Granted claim = (NotificationClaim.Granted) sent.claim(notification);

        sent.release(claim);

        assertThat(itemOf(notification)).isEmpty();
        assertThat(sent.claim(notification)).isInstanceOf(NotificationClaim.Granted.class);
    }

    @Test
    void anExpiredClaim_isTakenOver_andItsFormerOwnerCanNeitherMarkNorRelease() {
        Notification notification = shipped(OrderId.random());
        NotificationClaim.Granted dead = (NotificationClaim.Granted) sent.claim(notification);
        clock.advance(LEASE);

        NotificationClaim.Granted taker = (NotificationClaim.Granted) sent.claim(notification);

        assertThat(taker.takenOver()).isTrue();
        assertThat(taker.owner()).isNotEqualTo(dead.owner());
        assertThat(taker.leaseExpiresAt()).isEqualTo(NOW.plus(LEASE).plus(LEASE));
        assertThat(sent.markSent(dead)).isFalse();
        sent.release(dead);
        assertThat(itemOf(notification).get("owner").s()).isEqualTo(taker.owner());
        assertThat(sent.markSent(taker)).isTrue();
    }

    @Test
    void anItemWrittenBeforeLeasesExisted_countsAsSent() {
        Notification notification = shipped(OrderId.random());
        dynamo.putItem(
                p ->
                        p.tableName(table)
                                .item(
                                        Map.of(
                                                "id",
                                                AttributeValue.fromS(
                                                        DynamoSentNotifications.idOf(notification)),
                                                "sentAt",
                                                AttributeValue.fromS(NOW.toString()))));

        assertThat(sent.claim(notification)).isEqualTo(new NotificationClaim.AlreadySent());
    }

    @Test
    void concurrentClaims_ofANewNotification_haveExactlyOneWinner() throws Exception {
        assertThat(grantsAmong(16, shipped(OrderId.random()))).isEqualTo(1);
    }

    @Test
    void concurrentTakeOvers_ofAnExpiredClaim_haveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 10; round++) {
            Notification notification = shipped(OrderId.random());
            sent.claim(notification);
            clock.advance(LEASE);

            assertThat(grantsAmong(16, notification)).isEqualTo(1);
        }
    }

    private long grantsAmong(int claimers, Notification notification) throws Exception {
        List<Callable<NotificationClaim>> claims = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            claims.add(() -> sent.claim(notification));
        }
        long grants = 0;
        for (Future<NotificationClaim> f : pool.invokeAll(claims)) {
            grants += f.get() instanceof NotificationClaim.Granted ? 1 : 0;
        }
        return grants;
    }
}
