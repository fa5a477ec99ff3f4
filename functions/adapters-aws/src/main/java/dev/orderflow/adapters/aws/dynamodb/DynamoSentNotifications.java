package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.SentNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sent-notification claims in the idempotency table: {@code id = notification#<orderId>#<outcome>},
 * written with {@code attribute_not_exists(id)} so exactly one writer wins, expired by TTL on
 * {@code expiresAt} once no redelivery can arrive any more (the retention outlives the queues' and
 * the dead-letter queues' message retention).
 */
public final class DynamoSentNotifications implements SentNotifications {

    private final KeyedTable claims;
    private final Clock clock;
    private final Duration retention;

    public DynamoSentNotifications(
            DynamoDbClient dynamo, String table, Clock clock, Duration retention) {
        this.claims = new KeyedTable(dynamo, table, "idempotency table", "id");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** The item key of a notification's claim. */
    public static String idOf(Notification notification) {
        return "notification#" + notification.deduplicationKey();
    }

    @Override
    public boolean claim(Notification notification) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item =
                Map.of(
                        "id", AttributeValue.fromS(idOf(notification)),
                        "orderId", AttributeValue.fromS(notification.orderId().value()),
                        "outcome", AttributeValue.fromS(notification.outcome().name()),
                        "sentAt", AttributeValue.fromS(now.toString()),
                        "expiresAt",
                                AttributeValue.fromN(
                                        Long.toString(now.plus(retention).getEpochSecond())));
        return claims.putIf(item, "attribute_not_exists(id)", Map.of());
    }

    @Override
    public void release(Notification notification) {
        claims.delete(idOf(notification));
    }
}
