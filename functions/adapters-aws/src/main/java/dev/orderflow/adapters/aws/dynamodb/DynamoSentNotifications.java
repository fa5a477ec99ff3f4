package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.notification.Notification;
import dev.orderflow.domain.notification.NotificationClaim;
import dev.orderflow.domain.notification.SentNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Notification claims in the idempotency table, one item per notification: {@code id =
 * notification#<orderId>#<outcome>}, {@code claimState} {@code CLAIMED} (with {@code owner} and
 * {@code leaseExpiresAt} in epoch milliseconds) then {@code SENT} (with {@code sentAt}).
 *
 * <p>Every transition is one conditional write, so exactly one writer wins each: the first claim is
 * a {@code PutItem} with {@code attribute_not_exists(id)}; taking over an expired claim is an
 * {@code UpdateItem} conditional on the old owner and lease; marking sent and releasing are
 * conditional on the caller still owning the claim. A failed condition returns the item that stood
 * in the way ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}), so no extra read is needed.
 *
 * <p>The item expires by TTL on {@code expiresAt} once no redelivery can arrive any more (the
 * retention outlives the queues' and the dead-letter queues' message retention). An item without
 * {@code claimState} was written before leases existed, and only by a send that succeeded: it
 * counts as {@code SENT}.
 */
public final class DynamoSentNotifications implements SentNotifications {

    private static final String DEPENDENCY = "idempotency table";
    private static final String CLAIMED = "CLAIMED";
    private static final String SENT = "SENT";
    private static final Map<String, String> NAMES =
            Map.of("#state", "claimState", "#owner", "owner", "#lease", "leaseExpiresAt");
    private static final String OWNED = "#state = :claimed AND #owner = :owner";

    /** Rounds of claim → take over before giving up on a key that keeps changing hands. */
    private static final int ROUNDS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration lease;
    private final Duration retention;

    /**
     * @param lease how long a claim is its owner's alone: longer than a sender can take, so a live
     *     sender is never overtaken
     * @param retention how long the item is kept after its claim
     */
    public DynamoSentNotifications(
            DynamoDbClient dynamo, String table, Clock clock, Duration lease, Duration retention) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** The item key of a notification's claim. */
    public static String idOf(Notification notification) {
        return "notification#" + notification.deduplicationKey();
    }

    @Override
    public NotificationClaim claim(Notification notification) {
        for (int round = 0; round < ROUNDS; round++) {
            Instant now = clock.instant();
            NotificationClaim.Granted fresh = grant(notification, now, false);
            Optional<Map<String, AttributeValue>> standing = putIfAbsent(fresh, now);
            if (standing.isEmpty()) {
                return fresh;
            }
            Optional<NotificationClaim> refused = refusal(standing.get(), now);
            if (refused.isPresent()) {
                return refused.get();
            }
            NotificationClaim.Granted taker = grant(notification, now, true);
            Optional<Map<String, AttributeValue>> after = takeOver(taker, standing.get());
            if (after.isEmpty()) {
                return taker;
            }
            // Another taker won (its lease is live) or the owner released it (no item): look again.
            refused = after.get().isEmpty() ? Optional.empty() : refusal(after.get(), now);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        throw new DependencyUnavailable(
                DEPENDENCY,
                new IllegalStateException("claim of " + idOf(notification) + " kept changing"));
    }

    @Override
    public boolean markSent(NotificationClaim.Granted claim) {
        Map<String, AttributeValue> values =
                Map.of(
                        ":sent", s(SENT),
                        ":now", s(clock.instant().toString()),
                        ":claimed", s(CLAIMED),
                        ":owner", s(claim.owner()));
        return conditionHeld(
                () ->
                        dynamo.updateItem(
                                u ->
                                        u.tableName(table)
                                                .key(keyOf(claim.notification()))
                                                .updateExpression(
                                                        "SET #state = :sent, sentAt = :now")
                                                .conditionExpression(OWNED)
                                                .expressionAttributeNames(namesIn(OWNED))
                                                .expressionAttributeValues(values)));
    }

    @Override
    public void release(NotificationClaim.Granted claim) {
        Map<String, AttributeValue> values =
                Map.of(":claimed", s(CLAIMED), ":owner", s(claim.owner()));
        // A lost lease is not ours to give back: the taker's claim stays.
        conditionHeld(
                () ->
                        dynamo.deleteItem(
                                d ->
                                        d.tableName(table)
                                                .key(keyOf(claim.notification()))
                                                .conditionExpression(OWNED)
                                                .expressionAttributeNames(namesIn(OWNED))
                                                .expressionAttributeValues(values)));
    }

    private NotificationClaim.Granted grant(Notification notification, Instant now, boolean over) {
        return new NotificationClaim.Granted(
                notification, UUID.randomUUID().toString(), now.plus(lease), over);
    }

    /** The first claim; empty when it won, else the item that stood in its way. */
    private Optional<Map<String, AttributeValue>> putIfAbsent(
            NotificationClaim.Granted claim, Instant now) {
        Notification notification = claim.notification();
        Map<String, AttributeValue> item =
                Map.of(
                        "id", s(idOf(notification)),
                        "orderId", s(notification.orderId().value()),
                        "outcome", s(notification.outcome().name()),
                        "claimState", s(CLAIMED),
                        "owner", s(claim.owner()),
                        "leaseExpiresAt", n(claim.leaseExpiresAt().toEpochMilli()),
                        "claimedAt", s(now.toString()),
                        "expiresAt", n(now.plus(retention).getEpochSecond()));
        return blocker(
                () ->
                        dynamo.putItem(
                                p ->
                                        p.tableName(table)
                                                .item(item)
                                                .conditionExpression("attribute_not_exists(id)")
                                                .returnValuesOnConditionCheckFailure(
                                                        ReturnValuesOnConditionCheckFailure
                                                                .ALL_OLD)));
    }

    /**
     * Takes over the expired claim {@code old}, conditional on it being unchanged; empty when it
     * won, else the item that stood in its way (an empty map when there is none any more).
     */
    private Optional<Map<String, AttributeValue>> takeOver(
            NotificationClaim.Granted taker, Map<String, AttributeValue> old) {
        String condition = OWNED + " AND #lease = :oldLease";
        Map<String, AttributeValue> values =
                Map.of(
                        ":claimed", s(CLAIMED),
                        ":owner", old.get("owner"),
                        ":oldLease", old.get("leaseExpiresAt"),
                        ":newOwner", s(taker.owner()),
                        ":newLease", n(taker.leaseExpiresAt().toEpochMilli()),
                        ":now", s(clock.instant().toString()));
        return blocker(
                () ->
                        dynamo.updateItem(
                                u ->
                                        u.tableName(table)
                                                .key(keyOf(taker.notification()))
                                                .updateExpression(
                                                        "SET #owner = :newOwner, #lease = :newLease,"
                                                                + " claimedAt = :now")
                                                .conditionExpression(condition)
                                                .expressionAttributeNames(NAMES)
                                                .expressionAttributeValues(values)
                                                .returnValuesOnConditionCheckFailure(
                                                        ReturnValuesOnConditionCheckFailure
                                                                .ALL_OLD)));
    }

    /** Why the standing item refuses a claim now; empty when its lease expired. */
    private static Optional<NotificationClaim> refusal(
            Map<String, AttributeValue> standing, Instant now) {
        AttributeValue state = standing.get("claimState");
        if (state == null || SENT.equals(state.s())) {
            return Optional.of(new NotificationClaim.AlreadySent());
        }
        Instant leaseEnd = Instant.ofEpochMilli(Long.parseLong(standing.get("leaseExpiresAt").n()));
        return now.isBefore(leaseEnd)
                ? Optional.of(new NotificationClaim.HeldElsewhere(leaseEnd))
                : Optional.empty();
    }

    /** Runs a conditional write; the item that failed its condition, empty when it held. */
    private static Optional<Map<String, AttributeValue>> blocker(Runnable write) {
        try {
            DynamoErrors.translate(
                    DEPENDENCY,
                    () -> {
                        write.run();
                        return null;
                    });
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(e.hasItem() ? e.item() : Map.of());
        }
    }

    private static boolean conditionHeld(Runnable write) {
        return blocker(write).isEmpty();
    }

    private static Map<String, String> namesIn(String expression) {
        Map<String, String> used = new java.util.HashMap<>();
        NAMES.forEach(
                (placeholder, name) -> {
                    if (expression.contains(placeholder)) {
                        used.put(placeholder, name);
                    }
                });
        return used;
    }

    private static Map<String, AttributeValue> keyOf(Notification notification) {
        return Map.of("id", s(idOf(notification)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
