package dev.orderflow.cloud.internal.lambda;

/**
 * An invocation the Lambda service itself rejects, with the service's error code and HTTP status
 * ({@code ResourceNotFoundException} 404, {@code TooManyRequestsException} 429, ...).
 */
public final class LambdaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    public LambdaException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
