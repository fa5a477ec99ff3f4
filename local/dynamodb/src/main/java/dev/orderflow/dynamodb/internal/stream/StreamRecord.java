package dev.orderflow.dynamodb.internal.stream;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.time.Instant;
import java.util.Map;

/** One change captured in a stream, with the images its view type asks for (null if absent). */
public record StreamRecord(
        long sequence,
        String eventId,
        String eventName,
        Instant createdAt,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> newImage,
        Map<String, AttributeValue> oldImage,
        int sizeBytes,
        boolean byTtl) {

    /** Fixed-width decimal so that string order equals numeric order. */
    public String sequenceNumber() {
        return String.format("%021d", sequence);
    }
}
