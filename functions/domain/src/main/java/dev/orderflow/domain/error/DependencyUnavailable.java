package dev.orderflow.domain.error;

/**
 * A store or service the domain depends on could not answer (throttled, unreachable, timed out).
 * Retrying later may succeed; callers see it as 503.
 */
public final class DependencyUnavailable extends DomainException {

    /** Creates the failure naming the dependency, keeping the adapter's cause for the logs. */
    public DependencyUnavailable(String dependency, Throwable cause) {
        super("DependencyUnavailable", dependency + " is unavailable", cause);
    }
}
