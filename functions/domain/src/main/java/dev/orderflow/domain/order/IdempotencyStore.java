package dev.orderflow.domain.order;

import java.util.Optional;

/**
 * Remembers which order each customer's {@code Idempotency-Key} produced, and for which request,
 * for at least a day.
 */
public interface IdempotencyStore {

    /** What a key was first used for. */
    record Claim(String customerId, String key, String requestFingerprint, OrderId orderId) {}

    /**
     * Records the claim unless the customer used that key before.
     *
     * @return empty if recorded; otherwise the earlier claim for that customer and key
     */
    Optional<Claim> claimOrGet(Claim claim);
}
