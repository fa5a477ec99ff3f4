package dev.orderflow.protocol;

/**
 * A framed request on its way to the service: the call (null when the request could not be framed),
 * whether the client keeps the connection, and whether its body was over the limit.
 */
record Framed(HttpCall call, boolean keepAlive, boolean tooLarge, String malformed) {

    static Framed malformed(String reason) {
        return new Framed(null, false, false, reason);
    }
}
