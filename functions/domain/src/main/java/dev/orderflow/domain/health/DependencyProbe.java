package dev.orderflow.domain.health;

/**
 * One dependency the region needs to serve requests (a table, the saga's state machine), and how to
 * tell whether it is usable right now. Implementations ask the dependency itself, cheaply (a
 * describe call, never a data read), and translate every failure at their boundary.
 */
public interface DependencyProbe {

    /** The dependency's name in the readiness report, e.g. {@code orders}; unique per report. */
    String name();

    /**
     * Returns normally when the dependency is reachable, this function may use it, and it is in a
     * state that serves requests.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if it is not, naming why
     */
    void check();
}
