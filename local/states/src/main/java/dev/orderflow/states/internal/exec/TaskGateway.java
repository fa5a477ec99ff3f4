package dev.orderflow.states.internal.exec;

/** Starts Task work for a state run; implemented by the task dispatcher. */
public interface TaskGateway {
    /** Begins the Task of {@code run}; the gateway completes the run asynchronously. */
    void start(StateRun run);
}
