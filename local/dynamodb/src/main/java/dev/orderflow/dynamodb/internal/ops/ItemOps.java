package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ConditionEvaluator;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.Projector;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.List;
import java.util.Map;

/** PutItem, GetItem and DeleteItem (UpdateItem lives in {@link UpdateItemOp}). */
public final class ItemOps {
    private final Engine engine;

    public ItemOps(Engine engine) {
        this.engine = engine;
    }

    public void register() {
        engine.register("PutItem", this::putItem);
        engine.register("GetItem", this::getItem);
        engine.register("DeleteItem", this::deleteItem);
        engine.register("UpdateItem", new UpdateItemOp(engine)::invoke);
    }

    ObjectNode putItem(Req r) {
        String tableName = r.tableName();
        Map<String, AttributeValue> stored = ordered(r.item("Item"));
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
        String onFail = onConditionFailure(r);
        String consumed = consumedMode(r);
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(conditionText != null);
        Condition condition =
                conditionText == null
                        ? LegacyConditions.expected(r)
                        : r.condition("ConditionExpression", ctx);
        ctx.checkAllUsed();
        return engine.write(
                () -> {
                    Table t = engine.table(tableName);
                    TableDefinition def = t.definition();
                    Keys.validateItem(def, stored);
                    Map<String, AttributeValue> key = def.key().keyOf(stored);
                    engine.checkNotHeld(tableName, key);
                    Map<String, AttributeValue> old = t.get(key);
                    checkCondition(condition, old, onFail);
                    t.put(stored);
                    engine.changed(t, key, old, stored, false);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    if (returnValues.equals("ALL_OLD") && old != null) {
                        out.set("Attributes", AttributeJson.itemNode(old));
                    }
                    Capacity.addWrite(
                            out, consumed, tableName, () -> WriteCapacity.of(def, old, stored));
                    return out;
                });
    }

    ObjectNode getItem(Req r) {
        String tableName = r.tableName();
        Map<String, AttributeValue> key = r.item("Key");
        boolean consistent = r.bool("ConsistentRead", false);
        String consumed = consumedMode(r);
        String projectionText = r.string("ProjectionExpression");
        ExpressionContext ctx = r.expressionContext(projectionText != null);
        List<Operand.Path> projection =
                projectionText == null ? LegacyConditions.attributesToGet(r) : r.projection(ctx);
        ctx.checkAllUsed();
        Map<String, AttributeValue> item =
                engine.read(
                        () -> {
                            Table t = engine.table(tableName);
                            Keys.validateKey(t.definition(), key);
                            if (projection != null) {
                                Keys.rejectNestedKeyPaths(t.definition(), projection);
                            }
                            return t.get(key);
                        });
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (item != null) {
            out.set(
                    "Item",
                    AttributeJson.itemNode(
                            projection == null ? item : Projector.project(item, projection)));
        }
        Capacity.addRead(
                out,
                consumed,
                tableName,
                () -> Capacity.readUnits(item == null ? 0 : ItemSize.of(item), consistent));
        return out;
    }

    ObjectNode deleteItem(Req r) {
        String tableName = r.tableName();
        Map<String, AttributeValue> key = r.item("Key");
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
        String onFail = onConditionFailure(r);
        String consumed = consumedMode(r);
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(conditionText != null);
        Condition condition =
                conditionText == null
                        ? LegacyConditions.expected(r)
                        : r.condition("ConditionExpression", ctx);
        ctx.checkAllUsed();
        return engine.write(
                () -> {
                    Table t = engine.table(tableName);
                    Keys.validateKey(t.definition(), key);
                    engine.checkNotHeld(tableName, key);
                    Map<String, AttributeValue> old = t.get(key);
                    checkCondition(condition, old, onFail);
                    if (old != null) {
                        t.delete(key);
                        engine.changed(t, t.definition().key().keyOf(old), old, null, false);
                    }
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    if (returnValues.equals("ALL_OLD") && old != null) {
                        out.set("Attributes", AttributeJson.itemNode(old));
                    }
                    TableDefinition def = t.definition();
                    Capacity.addWrite(
                            out, consumed, tableName, () -> WriteCapacity.of(def, old, null));
                    return out;
                });
    }

    static void checkCondition(
            Condition condition, Map<String, AttributeValue> old, String onFail) {
        if (condition != null
                && !ConditionEvaluator.test(condition, old == null ? Map.of() : old)) {
            ApiException e = ApiException.conditionalCheckFailed();
            if (onFail.equals("ALL_OLD") && old != null) {
                e.with("Item", AttributeJson.itemNode(old));
            }
            throw e;
        }
    }

    static String onConditionFailure(Req r) {
        return r.enumValue("ReturnValuesOnConditionCheckFailure", "NONE", "ALL_OLD", "NONE");
    }

    static String consumedMode(Req r) {
        return r.enumValue("ReturnConsumedCapacity", "NONE", "INDEXES", "TOTAL", "NONE");
    }

    /** An unmodifiable copy that keeps the client's attribute order. */
    static Map<String, AttributeValue> ordered(Map<String, AttributeValue> item) {
        return dev.orderflow.dynamodb.internal.value.CompactItem.copyOf(item);
    }
}
