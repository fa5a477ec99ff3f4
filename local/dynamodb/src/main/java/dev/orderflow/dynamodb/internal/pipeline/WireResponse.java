package dev.orderflow.dynamodb.internal.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One HTTP response: status, content type, body and the extra headers DynamoDB sends.
 *
 * @param chunked answer with {@code Transfer-Encoding: chunked} (DynamoDB's 413) instead of a
 *     Content-Length
 */
public record WireResponse(
        int status, String contentType, byte[] body, Map<String, String> headers, boolean chunked) {

    public static WireResponse of(int status, String contentType, byte[] body) {
        return new WireResponse(status, contentType, body, new LinkedHashMap<>(), false);
    }

    public static WireResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public WireResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** CRC32 of the body, which DynamoDB sends as {@code x-amz-crc32} on every response. */
    public long crc32() {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }
}
