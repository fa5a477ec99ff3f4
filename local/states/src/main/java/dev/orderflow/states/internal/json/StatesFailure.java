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
    private final String location;

    /** Creates a failure with the given ASL error name and cause. */
    public StatesFailure(String error, String cause) {
        this(error, cause, null);
    }

    /**
     * Creates a failure of the field at {@code location} ({@code Output/result}, {@code
     * Catch[0]/Assign/x}), the location AWS reports in the {@code EvaluationFailed} event; null
     * when no field is known.
     */
    public StatesFailure(String error, String cause, String location) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause;
        this.location = location;
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
     * The cause as AWS reports it for a state: a runtime or JSONata evaluation error is prefixed
     * with the state and the event id it was entered at (LocalStack's recordings of AWS, e.g. the
     * test_assign_reference_variables snapshot).
     */
    public String causeIn(String stateName, long enteredEventId) {
        boolean prefixed =
                error().equals(StatesErrors.RUNTIME)
                        || error().equals(StatesErrors.QUERY_EVALUATION_ERROR);
        if (!prefixed || cause().startsWith("An error occurred while executing the state")) {
            return cause();
        }
        return "An error occurred while executing the state '"
                + stateName
                + "' (entered at the event id #"
                + enteredEventId
                + "). "
                + cause();
    }

    /**
     * The details of an {@code EvaluationFailed} event for this failure in a state: error, the
     * cause as {@link #causeIn} words it, the field's location when known, and the state.
     */
    public ObjectNode detailsIn(String stateName, long enteredEventId) {
        ObjectNode d = Json.object();
        d.put("error", error());
        d.put("cause", causeIn(stateName, enteredEventId));
        if (location != null) {
            d.put("location", location);
        }
        d.put("state", stateName);
        return d;
    }
}
