package dev.orderflow.states.internal.json;

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
}
