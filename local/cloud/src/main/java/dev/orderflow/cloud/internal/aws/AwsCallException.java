package dev.orderflow.cloud.internal.aws;

/** An AWS JSON-protocol error: its short error code, message and HTTP status. */
public final class AwsCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    public AwsCallException(String code, String message, int status) {
        super(code + ": " + message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String detail() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }
}
