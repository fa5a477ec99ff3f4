package dev.orderflow.states.internal.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A runtime error raised while evaluating a state, carrying the ASL error name (for example {@code
 * States.Runtime}) and the cause text Step Functions reports.
 */
public final class StatesFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String error;
    private final String errorCause;

    /** Creates a failure with the given ASL error name and cause. */
    public StatesFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause;
    }

    /** The ASL error name. */
    public String error() {
        return error;
    }

    /** The human-readable cause. */
    public String cause() {
        return errorCause;
    }

    /** Shorthand for {@code States.Runtime}. */
    public static StatesFailure runtime(String cause) {
        return new StatesFailure(StatesErrors.RUNTIME, cause);
    }

    /**
     * The cause as AWS reports it for a state: a runtime error is prefixed with the state and the
     * event id it was entered at.
     */
    public String causeIn(String stateName, long enteredEventId) {
        if (!error().equals(StatesErrors.RUNTIME) || cause().startsWith("An error occurred")) {
            return cause();
        }
        return "An error occurred while executing the state '"
                + stateName
                + "' (entered at the event id #"
                + enteredEventId
                + "). "
                + cause();
    }

    /** The details of an {@code EvaluationFailed} event for this failure in a state. */
    public ObjectNode detailsIn(String stateName) {
        ObjectNode d = Json.object();
        d.put("error", error());
        d.put("cause", cause());
        d.put("state", stateName);
        return d;
    }
}
