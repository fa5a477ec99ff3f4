package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.Projector;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.List;
import java.util.Map;

/** GetItem: reads one item by its key, optionally projected. */
final class GetItemOp {
    private final Engine engine;

    GetItemOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String tableName = r.tableName();
        Map<String, AttributeValue> key = r.item("Key");
        boolean consistent = r.bool("ConsistentRead", false);
        String consumed = ItemRequests.consumedMode(r);
        String projectionText = r.string("ProjectionExpression");
        ExpressionContext ctx = r.expressionContext(projectionText != null);
        List<Operand.Path> projection =
                projectionText == null ? LegacyConditions.attributesToGet(r) : r.projection(ctx);
        ctx.checkAllUsed();
        Map<String, AttributeValue> item =
                engine.read(
                        state -> {
                            Table t = state.table(tableName);
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
}
