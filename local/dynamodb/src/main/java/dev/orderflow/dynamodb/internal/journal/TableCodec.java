package dev.orderflow.dynamodb.internal.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The journal's own JSON form of a table's metadata (definition, tags, TTL, PITR). */
public final class TableCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TableCodec() {}

    public static ObjectNode encode(Table t) {
        TableDefinition d = t.definition();
        ObjectNode o = F.objectNode();
        o.put("name", d.name()).put("arn", d.arn()).put("tableId", d.tableId());
        o.set("key", key(d.key()));
        ObjectNode types = o.putObject("attributeTypes");
        d.attributeTypes().forEach(types::put);
        ArrayNode idx = o.putArray("indexes");
        for (IndexDefinition i : d.indexes()) {
            ObjectNode io = idx.addObject();
            io.put("name", i.name())
                    .put("projection", i.projectionType())
                    .put("global", i.global());
            io.set("key", key(i.key()));
            ArrayNode nk = io.putArray("nonKey");
            i.nonKeyAttributes().forEach(nk::add);
            io.put("read", i.readCapacity()).put("write", i.writeCapacity());
        }
        o.put("billing", d.billingMode())
                .put("read", d.readCapacity())
                .put("write", d.writeCapacity());
        TableDefinition.StreamSettings s = d.stream();
        o.putObject("stream")
                .put("enabled", s.enabled())
                .put("view", s.viewType())
                .put("label", s.label())
                .put("arn", s.arn());
        o.put("sse", d.sseEnabled()).put("sseType", d.sseType()).put("kms", d.kmsKeyArn());
        o.put("deletionProtection", d.deletionProtection());
        o.put("createdAt", d.createdAt().toEpochMilli());
        ObjectNode tags = o.putObject("tags");
        t.tags().forEach(tags::put);
        o.put("ttl", t.ttlAttribute());
        o.put("pitr", t.pointInTimeRecovery());
        return o;
    }

    public static TableDefinition definition(JsonNode o) {
        Map<String, String> types = new LinkedHashMap<>();
        o.path("attributeTypes")
                .properties()
                .forEach(e -> types.put(e.getKey(), e.getValue().asText()));
        List<IndexDefinition> indexes = new ArrayList<>();
        for (JsonNode io : o.path("indexes")) {
            List<String> nonKey = new ArrayList<>();
            io.path("nonKey").forEach(n -> nonKey.add(n.asText()));
            indexes.add(
                    new IndexDefinition(
                            io.path("name").asText(),
                            key(io.path("key")),
                            io.path("projection").asText(),
                            nonKey,
                            io.path("global").asBoolean(),
                            io.path("read").asLong(),
                            io.path("write").asLong()));
        }
        JsonNode s = o.path("stream");
        TableDefinition.StreamSettings stream =
                new TableDefinition.StreamSettings(
                        s.path("enabled").asBoolean(),
                        text(s, "view"),
                        text(s, "label"),
                        text(s, "arn"));
        return new TableDefinition(
                o.path("name").asText(),
                o.path("arn").asText(),
                o.path("tableId").asText(),
                key(o.path("key")),
                types,
                indexes,
                o.path("billing").asText(),
                o.path("read").asLong(),
                o.path("write").asLong(),
                stream,
                o.path("sse").asBoolean(),
                text(o, "sseType"),
                text(o, "kms"),
                o.path("deletionProtection").asBoolean(),
                Instant.ofEpochMilli(o.path("createdAt").asLong()));
    }

    /** Applies tags, TTL and PITR settings from an encoded table. */
    public static void applySettings(Table t, JsonNode o) {
        t.tags().clear();
        o.path("tags").properties().forEach(e -> t.tags().put(e.getKey(), e.getValue().asText()));
        t.ttlAttribute(text(o, "ttl"));
        t.pointInTimeRecovery(o.path("pitr").asBoolean());
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ObjectNode key(KeySchema k) {
        ObjectNode o = F.objectNode().put("hash", k.hash());
        if (k.hasRange()) {
            o.put("range", k.range());
        }
        return o;
    }

    private static KeySchema key(JsonNode o) {
        return new KeySchema(o.path("hash").asText(), text(o, "range"));
    }
}
