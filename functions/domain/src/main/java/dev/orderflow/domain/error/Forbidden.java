package dev.orderflow.domain.error;

/**
 * The caller is authenticated but not allowed to do this, e.g. a customer calling an admin route
 * (403).
 */
public final class Forbidden extends DomainException {

    /** Creates the failure saying what the caller lacks. */
    public Forbidden(String reason) {
        super("Forbidden", reason, null);
    }
}
