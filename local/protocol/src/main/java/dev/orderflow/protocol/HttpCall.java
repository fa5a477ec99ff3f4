package dev.orderflow.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as a service sees it: framing is done, the body is complete.
 *
 * @param method the HTTP method, upper case
 * @param path the raw path, without the query
 * @param query the raw query string after {@code ?}, or null when there is none
 * @param headers header names in lower case; a repeated header keeps its last value
 * @param body the request body, empty when there is none, never null
 */
public record HttpCall(
        String method, String path, String query, Map<String, String> headers, byte[] body) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The header's value, or null; {@code lowerCaseName} must be in lower case. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
