package dev.orderflow.dynamodb.internal.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.journal.StreamCodec;
import dev.orderflow.dynamodb.internal.journal.TableCodec;
import dev.orderflow.dynamodb.internal.ops.TableSetup;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import java.time.Instant;

/** Replays journal entries (the snapshot uses the same format) into an engine. */
final class Recovery {
    private final Engine engine;
    private final WriteAccess state;
    private final TableSetup tables;

    Recovery(Engine engine, WriteAccess state) {
        this.engine = engine;
        this.state = state;
        this.tables = new TableSetup(engine, state);
    }

    void apply(JsonNode e) {
        String op = e.path("op").asText();
        switch (op) {
            case "table" -> table(e.get("table"));
            case "stream" -> restoreStream(e);
            case "group" -> e.path("entries").forEach(this::apply);
            case "drop" -> {
                Table t = state.removeTable(e.path("table").asText());
                if (t != null && t.stream() != null) {
                    t.stream().disable();
                }
            }
            case "put" -> {
                Table t = state.tables().get(e.path("table").asText());
                if (t != null) {
                    t.put(AttributeJson.readItem(e.get("item")));
                }
                streamRecord(e);
            }
            case "delete" -> {
                Table t = state.tables().get(e.path("table").asText());
                if (t != null) {
                    t.delete(AttributeJson.readItem(e.get("key")));
                }
                streamRecord(e);
            }
            default -> throw new IllegalStateException("unknown journal entry: " + op);
        }
    }

    private void streamRecord(JsonNode e) {
        if (e.has("stream")) {
            var log = state.streams().get(e.path("streamArn").asText());
            if (log != null) {
                log.restore(StreamCodec.decode(e.get("stream")));
            }
        }
    }

    private void table(JsonNode meta) {
        TableDefinition def = TableCodec.definition(meta);
        Table t = state.tables().get(def.name());
        if (t == null) {
            t = tables.create(def);
        } else {
            TableDefinition old = t.definition();
            for (IndexDefinition i : old.indexes()) {
                if (def.index(i.name()) == null) {
                    t.removeIndex(i.name(), old);
                }
            }
            for (IndexDefinition i : def.indexes()) {
                if (old.index(i.name()) == null) {
                    t.addIndex(i, def);
                }
            }
            t.definition(def);
            if (!def.stream().enabled()) {
                t.stream(null);
            } else if (t.stream() == null || !t.stream().arn().equals(def.stream().arn())) {
                t.stream(tables.streamFor(def));
            }
        }
        TableCodec.applySettings(t, meta);
    }

    /** Recreates a stream from its snapshot entry and registers it with the engine. */
    private void restoreStream(JsonNode o) {
        StreamLog log =
                new StreamLog(
                        engine.streamSequence(),
                        o.path("arn").asText(),
                        o.path("label").asText(),
                        o.path("table").asText(),
                        o.path("view").asText(),
                        Instant.ofEpochMilli(o.path("createdAt").asLong()));
        o.path("records").forEach(r -> log.restore(StreamCodec.decode(r)));
        if (!o.path("enabled").asBoolean()) {
            log.disable();
        }
        state.putStream(log);
    }
}
