package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.ExpressionParser;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.Projector;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (at most 100 keys, 16 MB per response; "BatchGetItem" in the API Reference): the
 * whole batch is validated before anything is read.
 */
final class BatchGetItemOp {
    private static final int MAX_GET = 100;
    private static final int MAX_GET_BYTES = 16 * 1024 * 1024;

    private final Engine engine;

    BatchGetItemOp(Engine engine) {
        this.engine = engine;
    }

    private record GetRequest(
            String table,
            List<Map<String, AttributeValue>> keys,
            List<Operand.Path> projection,
            JsonNode raw) {}

    ObjectNode invoke(Req r) {
        ObjectNode requestItems = BatchRequestItems.of(r);
        String consumed = ItemRequests.consumedMode(r);
        List<GetRequest> requests = new ArrayList<>();
        int total = 0;
        Iterator<Map.Entry<String, JsonNode>> it = requestItems.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String table = Req.validTableName(e.getKey(), "requestItems.key");
            Req tr = Req.of(e.getValue());
            LegacyConditions.checkNotMixed(
                    tr, "AttributesToGet", "ProjectionExpression", "ExpressionAttributeNames");
            JsonNode keysNode = tr.array("Keys");
            if (keysNode == null || keysNode.isEmpty()) {
                throw Req.constraint(
                        "[]",
                        "requestItems." + table + ".member.keys",
                        "Member must have length greater than or equal to 1");
            }
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode k : keysNode) {
                Map<String, AttributeValue> key = AttributeJson.readItem(k);
                if (!seen.add(key)) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            total += keys.size();
            String projectionText = tr.string("ProjectionExpression");
            ExpressionContext ctx = tr.expressionContext(projectionText != null);
            List<Operand.Path> projection =
                    projectionText == null
                            ? LegacyConditions.attributesToGet(tr)
                            : ExpressionParser.parseProjection(projectionText, ctx);
            ctx.checkAllUsed();
            requests.add(new GetRequest(table, keys, projection, e.getValue()));
        }
        if (total > MAX_GET) {
            throw ApiException.validation("Too many items requested for the BatchGetItem call");
        }
        return engine.read(
                state -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ObjectNode responses = out.putObject("Responses");
                    ObjectNode unprocessed = out.putObject("UnprocessedKeys");
                    ArrayNode capacity = JsonNodeFactory.instance.arrayNode();
                    int bytes = 0;
                    for (GetRequest g : requests) {
                        Table t = state.table(g.table());
                        ArrayNode items = responses.putArray(g.table());
                        ArrayNode left = null;
                        double units = 0;
                        for (Map<String, AttributeValue> key : g.keys()) {
                            Keys.validateKey(t.definition(), key);
                            if (bytes > MAX_GET_BYTES) {
                                if (left == null) {
                                    ObjectNode u = ((ObjectNode) g.raw()).deepCopy();
                                    left = u.putArray("Keys");
                                    unprocessed.set(g.table(), u);
                                }
                                left.add(AttributeJson.itemNode(key));
                                continue;
                            }
                            Map<String, AttributeValue> item = t.get(key);
                            if (item != null) {
                                int size = ItemSize.of(item);
                                bytes += size;
                                units += Capacity.readUnits(size, false);
                                items.add(
                                        AttributeJson.itemNode(
                                                g.projection() == null
                                                        ? item
                                                        : Projector.project(item, g.projection())));
                            }
                        }
                        if (!consumed.equals("NONE")) {
                            capacity.add(Capacity.node(consumed, g.table(), units, false));
                        }
                    }
                    if (!consumed.equals("NONE")) {
                        out.set("ConsumedCapacity", capacity);
                    }
                    return out;
                });
    }
}
