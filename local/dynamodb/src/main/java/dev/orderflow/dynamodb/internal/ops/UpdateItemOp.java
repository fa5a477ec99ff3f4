package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.Projector;
import dev.orderflow.dynamodb.internal.expr.UpdateApplier;
import dev.orderflow.dynamodb.internal.expr.UpdateExpression;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UpdateItem: condition, update expression, ReturnValues. */
final class UpdateItemOp {
    private final Engine engine;

    UpdateItemOp(Engine engine) {
        this.engine = engine;
    }

    /** A parsed update of one item, shared with TransactWriteItems. */
    record Plan(
            Map<String, AttributeValue> key,
            UpdateExpression update,
            Condition condition,
            String onFail,
            boolean fromExpression) {

        /** Checks the condition and computes the new item; throws on failure. */
        Map<String, AttributeValue> apply(TableDefinition def, Map<String, AttributeValue> old) {
            ItemRequests.checkCondition(condition, old, onFail);
            Map<String, AttributeValue> base = old != null ? old : new LinkedHashMap<>(key);
            Map<String, AttributeValue> updated;
            try {
                updated =
                        update == null
                                ? new LinkedHashMap<>(base)
                                : UpdateApplier.apply(update, base);
            } catch (UpdateApplier.OperandTypeMismatch mismatch) {
                if (fromExpression) {
                    throw mismatch;
                }
                throw ApiException.validation("Type mismatch for attribute to update");
            }
            try {
                Keys.validateIndexKeys(def, updated);
            } catch (ApiException mismatch) {
                if (!fromExpression) {
                    throw mismatch;
                }
                // Known only once evaluated, DynamoDB words it differently from the static check.
                throw ApiException.validation(
                        "The update expression attempted to update the secondary index key to"
                                + " unsupported type");
            }
            if (ItemSize.of(updated) > ItemSize.MAX_ITEM) {
                throw ApiException.validation(
                        "Item size to update has exceeded the maximum allowed size");
            }
            return ItemRequests.ordered(updated);
        }
    }

    static Plan plan(Req r, TableDefinition def) {
        LegacyConditions.checkNotMixed(
                r,
                "AttributeUpdates",
                "UpdateExpression",
                "ConditionExpression",
                "ExpressionAttributeNames",
                "ExpressionAttributeValues");
        LegacyConditions.checkNotMixed(
                r,
                "Expected",
                "UpdateExpression",
                "ConditionExpression",
                "ExpressionAttributeNames",
                "ExpressionAttributeValues");
        if (!r.has("Key")) {
            throw Req.notNull("Key");
        }
        Map<String, AttributeValue> key = r.item("Key");
        String updateText = r.string("UpdateExpression");
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(updateText != null || conditionText != null);
        UpdateExpression update =
                updateText == null ? LegacyConditions.attributeUpdates(r) : r.update(ctx);
        Condition condition =
                conditionText == null
                        ? LegacyConditions.expected(r)
                        : r.condition("ConditionExpression", ctx);
        ctx.checkAllUsed();
        if (update != null) {
            if (updateText != null) {
                UpdateApplier.validate(update);
            }
            for (Operand.Path p : update.allPaths()) {
                if (def.key().isKey(p.topName())) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Cannot update attribute "
                                    + p.topName()
                                    + ". This attribute is part of the key");
                }
            }
            if (updateText != null) {
                UpdateIndexRules.check(def, update);
            }
        }
        return new Plan(
                key, update, condition, ItemRequests.onConditionFailure(r), updateText != null);
    }

    ObjectNode invoke(Req r) {
        String tableName = r.tableName();
        String returnValues = ItemRequests.returnValues(r);
        String consumed = ItemRequests.consumedMode(r);
        TableDefinition def0 = engine.read(state -> state.table(tableName).definition());
        Plan plan = plan(r, def0);
        return engine.write(
                state -> {
                    Table t = state.table(tableName);
                    TableDefinition def = t.definition();
                    Keys.validateKey(def, plan.key());
                    state.checkNotHeld(tableName, plan.key());
                    Map<String, AttributeValue> old = t.get(plan.key());
                    Map<String, AttributeValue> updated = plan.apply(def, old);
                    t.put(updated);
                    state.changed(t, def.key().keyOf(updated), old, updated, false);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    Map<String, AttributeValue> attrs =
                            returned(returnValues, plan.update(), old, updated);
                    if (attrs != null && !attrs.isEmpty()) {
                        out.set("Attributes", AttributeJson.itemNode(attrs));
                    }
                    Capacity.addWrite(
                            out, consumed, tableName, () -> WriteCapacity.of(def, old, updated));
                    return out;
                });
    }

    private static Map<String, AttributeValue> returned(
            String mode,
            UpdateExpression update,
            Map<String, AttributeValue> old,
            Map<String, AttributeValue> updated) {
        List<Operand.Path> paths = update == null ? List.of() : update.allPaths();
        return switch (mode) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> old == null ? null : Projector.project(old, paths);
            case "UPDATED_NEW" -> Projector.project(updated, paths);
            default -> null;
        };
    }
}
