package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.ExpressionParser;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.Projector;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TransactGetItems: reads up to 100 items under one read lock, so they come from one committed
 * state; each read costs two read units ("Amazon DynamoDB Transactions: How it works").
 */
final class TransactGetItemsOp {
    private final Engine engine;

    TransactGetItemsOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        JsonNode items = TransactItems.of(r);
        String consumed = ItemRequests.consumedMode(r);
        record Get(String table, Map<String, AttributeValue> key, List<Operand.Path> projection) {}
        List<Get> gets = new ArrayList<>();
        for (JsonNode n : items) {
            JsonNode g = n.get("Get");
            if (g == null || g.isNull()) {
                throw Req.notNull("Get");
            }
            Req gr = Req.of(g);
            String table = gr.tableName();
            if (!gr.has("Key")) {
                throw Req.notNull("Key");
            }
            String projectionText = gr.string("ProjectionExpression");
            ExpressionContext ctx = gr.expressionContext(projectionText != null);
            List<Operand.Path> projection =
                    projectionText == null
                            ? null
                            : ExpressionParser.parseProjection(projectionText, ctx);
            ctx.checkAllUsed();
            gets.add(new Get(table, gr.item("Key"), projection));
        }
        return engine.read(
                state -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode responses = out.putArray("Responses");
                    java.util.Map<String, Double> units = new java.util.LinkedHashMap<>();
                    for (Get g : gets) {
                        Table t = state.table(g.table());
                        engine.replicaHooks().checkTransaction(g.table());
                        Keys.validateKey(t.definition(), g.key());
                        Map<String, AttributeValue> item = t.get(g.key());
                        ObjectNode resp = responses.addObject();
                        if (item != null) {
                            resp.set(
                                    "Item",
                                    AttributeJson.itemNode(
                                            g.projection() == null
                                                    ? item
                                                    : Projector.project(item, g.projection())));
                        }
                        units.merge(
                                g.table(),
                                2 * Capacity.readUnits(item == null ? 0 : ItemSize.of(item), true),
                                Double::sum);
                    }
                    if (!consumed.equals("NONE")) {
                        ArrayNode c = out.putArray("ConsumedCapacity");
                        units.forEach((tb, u) -> c.add(Capacity.node(consumed, tb, u, false)));
                    }
                    return out;
                });
    }
}
