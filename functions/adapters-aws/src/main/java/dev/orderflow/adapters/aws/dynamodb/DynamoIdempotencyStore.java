package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.IdempotencyStore;
import dev.orderflow.domain.order.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotency claims in the idempotency table ({@code id = order#<customer>#<key>}), expired by TTL
 * on {@code expiresAt}. TTL deletes lazily (up to days late), so an expired claim is treated as
 * absent by the conditional write rather than waited for.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {

    private final KeyedTable claims;
    private final Clock clock;
    private final Duration retention;

    public DynamoIdempotencyStore(
            DynamoDbClient dynamo, String table, Clock clock, Duration retention) {
        this.claims = new KeyedTable(dynamo, table, "idempotency table", "id");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public Optional<Claim> claimOrGet(Claim claim) {
        // The earlier claim can expire and vanish between our write and our read: claim again.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Optional<Claim>> settled = tryClaim(claim);
            if (settled.isPresent()) {
                return settled.get();
            }
        }
        throw new IllegalStateException("idempotency claim kept vanishing for key " + claim.key());
    }

    /** Empty when the earlier claim vanished before it could be read. */
    private Optional<Optional<Claim>> tryClaim(Claim claim) {
        String id = "order#" + claim.customerId() + "#" + claim.key();
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item =
                Map.of(
                        "id", AttributeValue.fromS(id),
                        "fingerprint", AttributeValue.fromS(claim.requestFingerprint()),
                        "orderId", AttributeValue.fromS(claim.orderId().value()),
                        "expiresAt",
                                AttributeValue.fromN(Long.toString(now + retention.toSeconds())));
        if (claims.putIf(
                item,
                "attribute_not_exists(id) OR expiresAt < :now",
                Map.of(":now", AttributeValue.fromN(Long.toString(now))))) {
            return Optional.of(Optional.empty());
        }
        Optional<Map<String, AttributeValue>> earlier = claims.read(id);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> stored = earlier.get();
        return Optional.of(
                Optional.of(
                        new Claim(
                                claim.customerId(),
                                claim.key(),
                                stored.get("fingerprint").s(),
                                new OrderId(stored.get("orderId").s()))));
    }
}
