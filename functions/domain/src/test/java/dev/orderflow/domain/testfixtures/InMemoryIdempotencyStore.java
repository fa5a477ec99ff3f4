package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.order.IdempotencyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency claims in memory, keyed by customer and key as the real store is. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    @Override
    public Optional<Claim> claimOrGet(Claim claim) {
        return Optional.ofNullable(
                claims.putIfAbsent(claim.customerId() + "\n" + claim.key(), claim));
    }
}
