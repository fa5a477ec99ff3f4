package dev.orderflow.domain.health;

import java.util.Objects;

/**
 * The outcome of probing one dependency.
 *
 * @param name the probe's name
 * @param state up or down
 * @param reason why it is down (for the logs, never for callers); empty when up
 */
public record DependencyCheck(String name, DependencyState state, String reason) {

    public DependencyCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    /** A dependency that answered as usable. */
    public static DependencyCheck up(String name) {
        return new DependencyCheck(name, DependencyState.UP, "");
    }

    /** A dependency that failed its probe, with why. */
    public static DependencyCheck down(String name, String reason) {
        return new DependencyCheck(name, DependencyState.DOWN, reason);
    }

    /** Whether the dependency is usable. */
    public boolean up() {
        return state == DependencyState.UP;
    }
}
