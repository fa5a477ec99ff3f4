package dev.orderflow.states.internal.exec;

/** Starts Task work for a state run; implemented by the task dispatcher. */
public interface TaskGateway {
    /** Begins the Task of {@code run}; the gateway completes the run asynchronously. */
    void start(StateRun run);

    /**
     * Continues the Task of a restored {@code run} that was waiting for {@code point.token()}:
     * re-opens the same token and re-arms TimeoutSeconds/HeartbeatSeconds from their deadlines,
     * without calling the resource again.
     */
    void resumeParked(StateRun run, ResumePoint point);
}
