package dev.orderflow.cloud.internal.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A path or query with a broken percent-encoding ({@code %ZZ}, a lone {@code %}): the request is
 * malformed, so the gateway answers 400 before routing instead of failing inside a route.
 */
final class MalformedPercentEncoding extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private MalformedPercentEncoding(IllegalArgumentException cause) {
        super(cause.getMessage(), cause);
    }

    /** The decoded text; a plus stays a plus only if the caller escapes it first. */
    static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedPercentEncoding(e);
        }
    }
}
