package dev.orderflow.domain.shipping;

/**
 * The port through which a worker reports to the waiting workflow step. Every report is idempotent:
 * a token whose step is no longer waiting (completed by an earlier report, or timed out) is
 * answered with {@link Report#ALREADY_CLOSED}, never an error, so a redelivered request does no
 * harm.
 */
public interface TaskTokens {

    /** What a report found. */
    enum Report {
        /** The waiting step received it. */
        DELIVERED,
        /** The step had already completed or timed out; nothing changed. */
        ALREADY_CLOSED
    }

    /**
     * Completes the step with the shipped parcel.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the engine cannot answer
     */
    Report shipped(TaskToken token, Parcel parcel);

    /**
     * Fails the step with an error name the workflow's {@code Catch} matches on.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the engine cannot answer
     */
    Report failed(TaskToken token, String error, String cause);

    /**
     * Tells the step the work is still going (restarts its heartbeat window).
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the engine cannot answer
     */
    Report heartbeat(TaskToken token);
}
