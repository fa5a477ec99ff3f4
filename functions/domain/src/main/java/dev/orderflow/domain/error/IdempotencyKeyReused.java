package dev.orderflow.domain.error;

/**
 * An {@code Idempotency-Key} came back with a different request than the one it was first used for
 * (422): replaying it must not silently create or return a different order.
 */
public final class IdempotencyKeyReused extends DomainException {

    /** Creates the failure for a key. */
    public IdempotencyKeyReused(String key) {
        super(
                "IdempotencyKeyReused",
                "Idempotency-Key '" + key + "' was already used for a different request",
                null);
    }
}
