package dev.orderflow.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as a service sees it: framing is done, the body is complete.
 *
 * @param method the HTTP method, upper case
 * @param path the raw path, without the query
 * @param query the raw query string after {@code ?}, or null when there is none
 * @param headerValues header names in lower case to their values, in the order received
 * @param body the request body, empty when there is none, never null
 * @param protocol the protocol of the request line, e.g. {@code HTTP/1.1}
 * @param remoteAddress the client's IP address
 */
public record HttpCall(
        String method,
        String path,
        String query,
        Map<String, List<String>> headerValues,
        byte[] body,
        String protocol,
        String remoteAddress) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headerValues = Map.copyOf(headerValues);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /**
     * A call from 127.0.0.1 over HTTP/1.1 with one value per header, as tests and adapters make.
     */
    public static HttpCall of(
            String method, String path, String query, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> values = new java.util.HashMap<>();
        headers.forEach((k, v) -> values.put(k, List.of(v)));
        return new HttpCall(method, path, query, values, body, "HTTP/1.1", "127.0.0.1");
    }

    /** The header's first value, or null; {@code lowerCaseName} must be in lower case. */
    public String header(String lowerCaseName) {
        List<String> values = headerValues.get(lowerCaseName);
        return values == null ? null : values.get(0);
    }

    /** Every header with its first value. */
    public Map<String, String> headers() {
        Map<String, String> first = new java.util.HashMap<>(headerValues.size() * 2);
        headerValues.forEach((k, v) -> first.put(k, v.get(0)));
        return first;
    }
}
