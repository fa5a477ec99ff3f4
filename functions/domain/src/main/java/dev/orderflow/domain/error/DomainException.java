package dev.orderflow.domain.error;

/**
 * A failure the domain knows about. Each kind carries a stable {@link #code()} that the edges map
 * to an HTTP problem type or an ASL error name ({@code Order.<code>}).
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput,
                Unauthenticated,
                OrderNotFound,
                InvalidStateTransition,
                Forbidden,
                ProductNotFound,
                FulfillmentCenterNotFound,
                ShipmentNotFound,
                ShipmentSettled,
                InsufficientStock,
                IdempotencyKeyReused,
                HomedInAnotherRegion,
                DependencyUnavailable {

    private final String code;

    DomainException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable, machine-readable code of this failure, e.g. {@code InvalidInput}. */
    public String code() {
        return code;
    }
}
