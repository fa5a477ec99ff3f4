package dev.orderflow.protocol;

/**
 * What a {@link FrontServer} serves: one complete request in, one answer out. Implementations must
 * be thread-safe; they never see a request whose body exceeds {@link #maxBodyBytes()}.
 */
public interface HttpService {

    /** Answers one request. A thrown exception becomes {@link #internalError}. */
    HttpAnswer handle(HttpCall call);

    /** The largest body this service reads. */
    default int maxBodyBytes() {
        return 16 * 1024 * 1024;
    }

    /**
     * The answer to a request whose body exceeds {@link #maxBodyBytes()}; the body has been read
     * and dropped, so the client, still sending, sees this answer and not a reset connection.
     */
    default HttpAnswer tooLarge(HttpCall call) {
        return HttpAnswer.text(413, "text/plain", "Request body too large").closing();
    }

    /** The answer to a request the HTTP codec could not frame (bad request line, huge headers). */
    default HttpAnswer malformed(String reason) {
        return HttpAnswer.text(400, "text/plain", reason).closing();
    }

    /** The answer when {@link #handle} throws: a bug of the service, never of the client. */
    default HttpAnswer internalError(HttpCall call, RuntimeException failure) {
        return HttpAnswer.text(500, "text/plain", "Internal server error");
    }

    /**
     * Whether this request may run on the network thread that read it, for requests whose cost is
     * small and bounded (no waiting, no unbounded work). Others run on the server's worker threads
     * so that no request can hold up another connection's. Default: none.
     */
    default boolean cheap(HttpCall call) {
        return false;
    }
}
