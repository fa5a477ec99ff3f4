package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem (at most 25 requests; "BatchWriteItem" in the API Reference). The whole batch is
 * validated before anything is written; writes then happen under one lock, so nothing is ever left
 * unprocessed.
 */
final class BatchWriteItemOp {
    private static final int MAX_WRITE = 25;

    private final Engine engine;

    BatchWriteItemOp(Engine engine) {
        this.engine = engine;
    }

    private record WriteRequest(
            String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key) {}

    ObjectNode invoke(Req r) {
        ObjectNode requestItems = BatchRequestItems.of(r);
        String consumed = ItemRequests.consumedMode(r);
        List<WriteRequest> writes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = requestItems.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String table = Req.validTableName(e.getKey(), "requestItems.key");
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw Req.constraint(
                        "[]",
                        "requestItems",
                        "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            for (JsonNode w : e.getValue()) {
                JsonNode put = w.get("PutRequest");
                JsonNode del = w.get("DeleteRequest");
                if ((put == null) == (del == null)) {
                    throw ApiException.validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain"
                                    + " exactly one of the supported datatypes");
                }
                if (put != null) {
                    if (!put.has("Item")) {
                        throw Req.notNull("Item");
                    }
                    writes.add(
                            new WriteRequest(
                                    table,
                                    ItemRequests.ordered(AttributeJson.readItem(put.get("Item"))),
                                    null));
                } else {
                    if (!del.has("Key")) {
                        throw Req.notNull("Key");
                    }
                    writes.add(
                            new WriteRequest(table, null, AttributeJson.readItem(del.get("Key"))));
                }
            }
        }
        if (writes.size() > MAX_WRITE) {
            throw Req.constraint(
                    "{...}",
                    "requestItems",
                    "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }
        return engine.write(
                state -> {
                    Set<List<Object>> seen = new HashSet<>();
                    List<Map<String, AttributeValue>> keys = new ArrayList<>();
                    for (WriteRequest w : writes) {
                        Table t = state.table(w.table());
                        TableDefinition def = t.definition();
                        Map<String, AttributeValue> key;
                        if (w.item() != null) {
                            Keys.validateBatchItem(def, w.item());
                            key = def.key().keyOf(w.item());
                        } else {
                            Keys.validateKey(def, w.key());
                            key = w.key();
                        }
                        if (!seen.add(List.of(w.table(), new LinkedHashMap<>(key)))) {
                            throw ApiException.validation(
                                    "Provided list of item keys contains duplicates");
                        }
                        keys.add(key);
                    }
                    // Checked before any write: a batch never stops half-way.
                    for (int i = 0; i < writes.size(); i++) {
                        state.checkNotHeld(writes.get(i).table(), keys.get(i));
                    }
                    // Sizing items and their index entries costs time: only when asked for.
                    Map<String, Double> units =
                            consumed.equals("NONE") ? null : new LinkedHashMap<>();
                    state.beginGroup();
                    try {
                        writeAll(state, writes, keys, units);
                    } finally {
                        state.endGroup();
                    }
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.putObject("UnprocessedItems");
                    if (!consumed.equals("NONE")) {
                        ArrayNode c = out.putArray("ConsumedCapacity");
                        units.forEach((tb, u) -> c.add(Capacity.node(consumed, tb, u, true)));
                    }
                    return out;
                });
    }

    /** Applies the writes; adds their capacity to {@code units} unless it is null. */
    private static void writeAll(
            WriteAccess state,
            List<WriteRequest> writes,
            List<Map<String, AttributeValue>> keys,
            Map<String, Double> units) {
        for (int i = 0; i < writes.size(); i++) {
            WriteRequest w = writes.get(i);
            Table t = state.table(w.table());
            Map<String, AttributeValue> key = keys.get(i);
            Map<String, AttributeValue> old = w.item() != null ? t.put(w.item()) : t.delete(key);
            state.changed(t, key, old, w.item(), false);
            if (units != null) {
                units.merge(
                        w.table(),
                        WriteCapacity.of(t.definition(), old, w.item()).total(1),
                        Double::sum);
            }
        }
    }
}
