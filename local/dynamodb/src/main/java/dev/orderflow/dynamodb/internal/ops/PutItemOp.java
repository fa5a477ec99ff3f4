package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
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
        String returnValues =
                r.enumValue(
                        "ReturnValues",
                        "NONE",
                        "NONE",
                        "ALL_OLD",
                        "UPDATED_OLD",
                        "ALL_NEW",
                        "UPDATED_NEW");
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        String onFail = ItemRequests.onConditionFailure(r);
        String consumed = ItemRequests.consumedMode(r);
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(conditionText != null);
        Condition condition =
                conditionText == null
                        ? LegacyConditions.expected(r)
                        : r.condition("ConditionExpression", ctx);
        ctx.checkAllUsed();
        return engine.write(
                state -> {
                    Table t = state.table(tableName);
                    TableDefinition def = t.definition();
                    Keys.validateItem(def, stored);
                    Map<String, AttributeValue> key = def.key().keyOf(stored);
                    state.checkNotHeld(tableName, key);
                    Map<String, AttributeValue> old = t.get(key);
                    ItemRequests.checkCondition(condition, old, onFail);
                    t.put(stored);
                    state.changed(t, key, old, stored, false);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    if (returnValues.equals("ALL_OLD") && old != null) {
                        out.set("Attributes", AttributeJson.itemNode(old));
                    }
                    Capacity.addWrite(
                            out, consumed, tableName, () -> WriteCapacity.of(def, old, stored));
                    return out;
                });
    }
}
