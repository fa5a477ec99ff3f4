package dev.orderflow.states.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the engine sees it: the current instant and one-shot timers for Wait states, retry
 * backoff, task timeouts and heartbeats. Use {@link #system()} for real time and {@link
 * VirtualClock} in tests.
 */
public interface StatesClock {
    /** The current instant. */
    Instant now();

    /**
     * Runs {@code action} once {@code delay} has elapsed. The returned handle cancels it;
     * cancelling a fired or cancelled timer does nothing.
     */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * True when the engine should run work on the calling thread (deterministic, used with virtual
     * time); false to hand it to the engine's worker threads.
     */
    default boolean runsInline() {
        return false;
    }

    /** A scheduled timer. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the timer if it has not fired. */
        void cancel();
    }

    /** Real time backed by a single daemon scheduler thread. */
    static StatesClock system() {
        return new SystemStatesClock();
    }
}
