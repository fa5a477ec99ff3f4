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

/** DeleteItem: removes one item by its key. */
final class DeleteItemOp {
    private final Engine engine;

    DeleteItemOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String tableName = r.tableName();
        Map<String, AttributeValue> key = r.item("Key");
        ItemWriteOptions options = ItemWriteOptions.of(r);
        return engine.write(
                state -> {
                    Table t = state.table(tableName);
                    Keys.validateKey(t.definition(), key);
                    state.checkNotHeld(tableName, key);
                    Map<String, AttributeValue> old = t.get(key);
                    ItemRequests.checkCondition(options.condition(), old, options.onFail());
                    if (old != null) {
                        t.delete(key);
                        state.changed(t, t.definition().key().keyOf(old), old, null, false);
                    }
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    if (options.returnsOld() && old != null) {
                        out.set("Attributes", AttributeJson.itemNode(old));
                    }
                    TableDefinition def = t.definition();
                    Capacity.addWrite(
                            out,
                            options.consumed(),
                            tableName,
                            () -> WriteCapacity.of(def, old, null));
                    return out;
                });
    }
}
