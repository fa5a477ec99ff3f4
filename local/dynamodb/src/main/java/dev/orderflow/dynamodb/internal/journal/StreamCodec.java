package dev.orderflow.dynamodb.internal.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.stream.StreamRecord;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import java.time.Instant;

/** The journal's JSON form of streams and stream records, so they survive restarts. */
public final class StreamCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StreamCodec() {}

    public static ObjectNode encode(StreamRecord r) {
        ObjectNode o = F.objectNode();
        o.put("seq", r.sequence()).put("id", r.eventId()).put("name", r.eventName());
        o.put("at", r.createdAt().toEpochMilli()).put("size", r.sizeBytes()).put("ttl", r.byTtl());
        o.set("keys", AttributeJson.writeItem(r.keys()));
        if (r.newImage() != null) {
            o.set("new", AttributeJson.writeItem(r.newImage()));
        }
        if (r.oldImage() != null) {
            o.set("old", AttributeJson.writeItem(r.oldImage()));
        }
        return o;
    }

    public static StreamRecord decode(JsonNode o) {
        return new StreamRecord(
                o.path("seq").asLong(),
                o.path("id").asText(),
                o.path("name").asText(),
                Instant.ofEpochMilli(o.path("at").asLong()),
                AttributeJson.readItem(o.get("keys")),
                o.has("new") ? AttributeJson.readItem(o.get("new")) : null,
                o.has("old") ? AttributeJson.readItem(o.get("old")) : null,
                o.path("size").asInt(),
                o.path("ttl").asBoolean());
    }

    /** A whole stream (metadata and retained records) for the snapshot. */
    public static ObjectNode encode(StreamLog log) {
        ObjectNode o = F.objectNode().put("op", "stream");
        o.put("arn", log.arn()).put("label", log.label()).put("table", log.tableName());
        o.put("view", log.viewType()).put("createdAt", log.createdAt().toEpochMilli());
        o.put("enabled", log.enabled());
        ArrayNode records = o.putArray("records");
        log.records().forEach(r -> records.add(encode(r)));
        return o;
    }
}
