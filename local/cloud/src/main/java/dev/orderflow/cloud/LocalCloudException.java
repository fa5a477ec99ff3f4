package dev.orderflow.cloud;

/** The local cloud could not boot or serve a request (bad template, missing code, port in use). */
public final class LocalCloudException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and, where possible, what to do about it
     */
    public LocalCloudException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what failed and, where possible, what to do about it
     */
    public LocalCloudException(String message) {
        super(message);
    }
}
