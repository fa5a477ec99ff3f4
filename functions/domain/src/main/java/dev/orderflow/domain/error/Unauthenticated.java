package dev.orderflow.domain.error;

/** The request carries no identity where one is required; callers see it as 401. */
public final class Unauthenticated extends DomainException {

    /** Creates the failure with what was missing. */
    public Unauthenticated(String reason) {
        super("Unauthenticated", reason, null);
    }
}
