package dev.orderflow.domain.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one round of probes found: every dependency's state, in the order the probes were given, and
 * when the round ran (the report is served from cache until some time after that).
 *
 * @param checks one per probe
 * @param checkedAt when the round started, by the use case's clock
 */
public record ReadinessReport(List<DependencyCheck> checks, Instant checkedAt) {

    public ReadinessReport {
        checks = List.copyOf(checks);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** Ready when every dependency is up (and vacuously when there is none). */
    public boolean ready() {
        return checks.stream().allMatch(DependencyCheck::up);
    }

    /** The dependencies that are down, in probe order. */
    public List<DependencyCheck> down() {
        return checks.stream().filter(check -> !check.up()).toList();
    }
}
