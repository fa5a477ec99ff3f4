package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Map;

/** PutItem: writes a whole item, replacing the one with its key. */
final class PutItemOp {
    private final Engine engine;

    PutItemOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String tableName = r.tableName();
        Map<String, AttributeValue> stored = ItemRequests.ordered(r.item("Item"));
        ItemWriteOptions options = ItemWriteOptions.of(r);
        return engine.write(
                state -> {
                    Table t = state.table(tableName);
                    TableDefinition def = t.definition();
                    Keys.validateItem(def, stored);
                    Map<String, AttributeValue> key = def.key().keyOf(stored);
                    state.checkNotHeld(tableName, key);
                    Map<String, AttributeValue> old = t.get(key);
                    ItemRequests.checkCondition(options.condition(), old, options.onFail());
                    t.put(stored);
                    state.changed(t, key, old, stored, false);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    if (options.returnsOld() && old != null) {
                        out.set("Attributes", AttributeJson.itemNode(old));
                    }
                    Capacity.addWrite(
                            out,
                            options.consumed(),
                            tableName,
                            () -> WriteCapacity.of(def, old, stored));
                    return out;
                });
    }
}
