package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a stream's one shard as the Streams API hands it out: the stream, the first
 * sequence number to read and when the iterator was issued (it expires, as on AWS).
 */
record ShardIterator(String streamArn, long from, long issuedMillis) {

    /** The opaque text clients pass back. */
    String encode() {
        String raw = streamArn + "|" + from + "|" + issuedMillis;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws ApiException AWS's ValidationException for anything else
     */
    static ShardIterator decode(String text) {
        String[] parts;
        try {
            parts =
                    new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)
                            .split("\\|");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 3) {
            throw invalid();
        }
        try {
            return new ShardIterator(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.validation("Invalid ShardIterator");
    }
}
