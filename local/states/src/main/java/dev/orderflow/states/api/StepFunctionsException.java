package dev.orderflow.states.api;

/**
 * An API error with AWS's exception name (for example {@code ExecutionDoesNotExist}) and the HTTP
 * status the Step Functions API returns for it.
 */
public final class StepFunctionsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorCode;
    private final int httpStatus;

    /** Creates an error; {@code httpStatus} is 400 for every client error AWS defines. */
    public StepFunctionsException(String errorCode, String message, int httpStatus) {
        super(message);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    /** A 400 error. */
    public StepFunctionsException(String errorCode, String message) {
        this(errorCode, message, 400);
    }

    /** AWS's exception name, without namespace. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status code. */
    public int httpStatus() {
        return httpStatus;
    }
}
