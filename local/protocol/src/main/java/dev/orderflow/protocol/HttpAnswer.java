package dev.orderflow.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One HTTP response from a service.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or null for none
 * @param body the body, never null
 * @param headers further headers and their values, in the order they are sent
 * @param chunked send the body with {@code Transfer-Encoding: chunked} instead of a {@code
 *     Content-Length} (DynamoDB answers its 413 that way)
 * @param close close the connection once the answer is written
 */
public record HttpAnswer(
        int status,
        String contentType,
        byte[] body,
        Map<String, List<String>> headers,
        boolean chunked,
        boolean close) {

    public HttpAnswer {
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** A keep-alive answer with a {@code Content-Length} and no further headers. */
    public static HttpAnswer of(int status, String contentType, byte[] body) {
        return new HttpAnswer(status, contentType, body, Map.of(), false, false);
    }

    /** A keep-alive UTF-8 text answer. */
    public static HttpAnswer text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** This answer with one more header value (added to the values the header has). */
    public HttpAnswer withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
        values.add(value);
        more.put(name, values);
        return new HttpAnswer(status, contentType, body, more, chunked, close);
    }

    /** This answer, closing the connection after it. */
    public HttpAnswer closing() {
        return new HttpAnswer(status, contentType, body, headers, chunked, true);
    }

    /** The CRC32 of the body, as AWS JSON services send it in {@code x-amz-crc32}. */
    public long crc32() {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }
}
