package dev.orderflow.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * One HTTP response from a service.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body the body, never null
 * @param headers further headers, in the order they are sent
 * @param chunked send the body with {@code Transfer-Encoding: chunked} instead of a {@code
 *     Content-Length} (DynamoDB answers its 413 that way)
 * @param close close the connection once the answer is written
 */
public record HttpAnswer(
        int status,
        String contentType,
        byte[] body,
        Map<String, String> headers,
        boolean chunked,
        boolean close) {

    public HttpAnswer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    /** A keep-alive answer with a {@code Content-Length} and no further headers. */
    public static HttpAnswer of(int status, String contentType, byte[] body) {
        return new HttpAnswer(status, contentType, body, Map.of(), false, false);
    }

    /** A keep-alive UTF-8 text answer. */
    public static HttpAnswer text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** This answer with one more header. */
    public HttpAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
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
