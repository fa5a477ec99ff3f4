package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.OrderOutcome;
import dev.orderflow.domain.order.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sent-notification claims through the real SDK against the project's engine. */
class DynamoSentNotificationsIT {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private String table;
    private DynamoSentNotifications sent;

    @BeforeEach
    void table() {
        table = LocalDynamo.createTable("idempotency", "id", null);
        sent =
                new DynamoSentNotifications(
                        dynamo, table, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
    }

    private static Notification shipped(OrderId order) {
        return new Notification(order, "alice", OrderOutcome.SHIPPED, "");
    }

    @Test
    void claim_winsOnce_andStoresTheKeyWithItsExpiry() {
        OrderId order = OrderId.random();

        assertThat(sent.claim(shipped(order))).isTrue();
        assertThat(sent.claim(shipped(order))).isFalse();

        Map<String, AttributeValue> item =
                dynamo.getItem(
                                g ->
                                        g.tableName(table)
                                                .key(
                                                        Map.of(
                                                                "id",
                                                                AttributeValue.fromS(
                                                                        "notification#"
                                                                                + order
                                                                                + "#SHIPPED"))))
                        .item();
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
    }

    @Test
    void claim_ofAnotherOutcomeOfTheSameOrder_isItsOwn() {
        OrderId order = OrderId.random();
        sent.claim(shipped(order));

        assertThat(sent.claim(new Notification(order, "alice", OrderOutcome.CANCELLED, "")))
                .isTrue();
    }

    @Test
    void release_letsTheNextClaimWin() {
        OrderId order = OrderId.random();
        sent.claim(shipped(order));

        sent.release(shipped(order));

        assertThat(sent.claim(shipped(order))).isTrue();
    }

    @Test
    void concurrentClaims_ofOneNotification_haveExactlyOneWinner() throws Exception {
        Notification notification = shipped(OrderId.random());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                claims.add(() -> sent.claim(notification));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
