package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.ExpressionParser;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.Projector;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems ("Amazon DynamoDB Transactions: How it works", Developer
 * Guide). A write transaction runs in two phases under the engine's write lock. Phase 1 checks
 * every condition and computes every write, then holds the items; phase 2 applies the writes,
 * journals them as one WAL line and releases the items. In between, another transaction touching a
 * held item is cancelled with TransactionConflict and a single-item write to it fails with
 * TransactionConflictException, as AWS does ("Transaction conflict handling"); reads see the
 * committed state. So it is all-or-nothing and serializable with every other write. Cancellation
 * reasons are reported in request order.
 */
final class TransactOps {
    private static final int MAX_ITEMS = 100;

    private final Engine engine;
    private final IdempotencyCache tokens;

    TransactOps(Engine engine) {
        this.engine = engine;
        this.tokens = new IdempotencyCache(engine.clock());
    }

    void register() {
        engine.register("TransactWriteItems", this::transactWrite);
        engine.register("TransactGetItems", this::transactGet);
    }

    /** One parsed action of a write transaction. */
    private record Action(
            String kind,
            String table,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> item,
            Condition condition,
            UpdateItemOp.Plan update,
            String onFail) {}

    /**
     * A transaction between its phases: the tables it resolved, the items it holds and the new item
     * (null: delete or condition check) per action, all computed in phase 1.
     */
    private static final class Prepared {
        final List<Table> tables = new ArrayList<>();
        final List<List<Object>> ids = new ArrayList<>();
        final List<Map<String, AttributeValue>> keys = new ArrayList<>();
        final List<Map<String, AttributeValue>> results = new ArrayList<>();
        boolean released;
    }

    ObjectNode transactWrite(Req r) {
        JsonNode items = r.array("TransactItems");
        if (items == null) {
            throw Req.notNull("TransactItems");
        }
        checkCount(items);
        String consumed = ItemOps.consumedMode(r);
        String token = r.string("ClientRequestToken");
        List<Action> actions = new ArrayList<>();
        for (JsonNode n : items) {
            actions.add(parse(n));
        }
        Prepared p = new Prepared();
        ObjectNode previous = engine.write(() -> prepare(token, r, actions, p));
        if (previous != null) {
            return previous;
        }
        try {
            engine.transactionPrepared();
            return engine.write(() -> commit(token, r, actions, p, consumed));
        } finally {
            if (!p.released) {
                engine.write(() -> release(p));
            }
        }
    }

    private Object release(Prepared p) {
        engine.release(p.ids, p);
        p.released = true;
        return null;
    }

    /**
     * Phase 1, under the lock: validates the request, evaluates every condition and update and
     * holds the items, or cancels the transaction. Returns the earlier response for a repeated
     * ClientRequestToken, else null.
     */
    private ObjectNode prepare(String token, Req r, List<Action> actions, Prepared p) {
        if (token != null) {
            ObjectNode previous = tokens.lookup(token, r.node());
            if (previous != null) {
                return previous;
            }
        }
        Set<List<Object>> seen = new HashSet<>();
        for (Action a : actions) {
            Table t = engine.table(a.table());
            Map<String, AttributeValue> key = a.key();
            if (a.kind().equals("Put")) {
                Keys.validateItem(t.definition(), a.item());
                key = t.definition().key().keyOf(a.item());
            } else {
                Keys.validateKey(t.definition(), key);
            }
            List<Object> id = Engine.itemId(a.table(), Map.copyOf(key));
            if (!seen.add(id)) {
                throw ApiException.validation(
                        "Transaction request cannot include multiple operations on one item");
            }
            p.tables.add(t);
            p.ids.add(id);
            p.keys.add(key);
        }
        evaluate(actions, p);
        engine.hold(p.ids, p);
        return null;
    }

    /** Computes each action's result, or cancels with the reasons in request order. */
    private void evaluate(List<Action> actions, Prepared p) {
        ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
        boolean failed = false;
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            Table t = p.tables.get(i);
            ObjectNode reason = reasons.addObject();
            if (engine.isHeld(a.table(), p.keys.get(i), p)) {
                // Another transaction is in flight on this item ("Transaction conflict handling").
                failed = true;
                p.results.add(null);
                reason.put("Code", "TransactionConflict");
                reason.put("Message", ApiException.TRANSACTION_ONGOING);
                continue;
            }
            Map<String, AttributeValue> old = t.get(p.keys.get(i));
            try {
                Map<String, AttributeValue> next;
                if (a.kind().equals("Update")) {
                    next = a.update().apply(t.definition(), old);
                } else {
                    ItemOps.checkCondition(a.condition(), old, a.onFail());
                    next = a.kind().equals("Put") ? a.item() : null;
                }
                p.results.add(next);
                reason.put("Code", "None");
            } catch (ApiException e) {
                failed = true;
                p.results.add(null);
                boolean conditional = e.shortName().equals("ConditionalCheckFailedException");
                reason.put("Code", conditional ? "ConditionalCheckFailed" : "ValidationError");
                if (conditional && a.onFail().equals("ALL_OLD") && old != null) {
                    reason.set("Item", AttributeJson.itemNode(old));
                }
                reason.put("Message", e.getMessage());
            }
        }
        if (failed) {
            List<String> codes = new ArrayList<>();
            reasons.forEach(x -> codes.add(x.path("Code").asText()));
            throw new ApiException(
                            "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                            "Transaction cancelled, please refer cancellation reasons for specific"
                                    + " reasons ["
                                    + String.join(", ", codes)
                                    + "]",
                            400,
                            true)
                    .with("CancellationReasons", reasons);
        }
    }

    /**
     * Phase 2, under the lock: applies the writes computed in phase 1 (still valid: nobody else
     * could change a held item), journals them as one WAL line and releases the items.
     */
    private ObjectNode commit(
            String token, Req r, List<Action> actions, Prepared p, String consumed) {
        try {
            for (int i = 0; i < actions.size(); i++) {
                if (engine.tables().get(actions.get(i).table()) != p.tables.get(i)) {
                    throw ApiException.resourceNotFound(); // deleted while in flight
                }
            }
            // Sizing items and their index entries costs time: only when capacity was asked for.
            java.util.Map<String, Double> units =
                    consumed.equals("NONE") ? null : new java.util.LinkedHashMap<>();
            engine.beginGroup();
            try {
                applyAll(actions, p, units);
            } finally {
                engine.endGroup();
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (!consumed.equals("NONE")) {
                ArrayNode c = out.putArray("ConsumedCapacity");
                units.forEach((tb, u) -> c.add(Capacity.node(consumed, tb, u, true)));
            }
            if (token != null) {
                tokens.remember(token, r.node(), out);
            }
            return out;
        } finally {
            release(p);
        }
    }

    /** Applies the writes; adds their capacity to {@code units} unless it is null. */
    private void applyAll(List<Action> actions, Prepared p, java.util.Map<String, Double> units) {
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            Table t = p.tables.get(i);
            TableDefinition def = t.definition();
            Map<String, AttributeValue> next = p.results.get(i);
            Map<String, AttributeValue> key = p.keys.get(i);
            Map<String, AttributeValue> old = null;
            Map<String, AttributeValue> written = null;
            if (a.kind().equals("Put") || a.kind().equals("Update")) {
                old = t.put(next);
                written = next;
                engine.changed(t, def.key().keyOf(next), old, next, false);
            } else if (a.kind().equals("Delete")) {
                old = t.delete(key);
                engine.changed(t, key, old, null, false);
            }
            if (units != null) {
                // Transactional writes cost two write units per KB (a ConditionCheck too).
                units.merge(a.table(), WriteCapacity.of(def, old, written).total(2), Double::sum);
            }
        }
    }

    private Action parse(JsonNode n) {
        if (!n.isObject() || n.size() != 1) {
            throw ApiException.validation(
                    "TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = n.fieldNames().next();
        Req r = Req.of(n.get(kind));
        String table = r.tableName();
        switch (kind) {
            case "Put":
                {
                    if (!r.has("Item")) {
                        throw Req.notNull("Item");
                    }
                    Map<String, AttributeValue> item = ItemOps.ordered(r.item("Item"));
                    return new Action(
                            kind,
                            table,
                            null,
                            item,
                            condition(r, false),
                            null,
                            ItemOps.onConditionFailure(r));
                }
            case "Delete":
            case "ConditionCheck":
                {
                    if (!r.has("Key")) {
                        throw Req.notNull("Key");
                    }
                    boolean required = kind.equals("ConditionCheck");
                    return new Action(
                            kind,
                            table,
                            r.item("Key"),
                            null,
                            condition(r, required),
                            null,
                            ItemOps.onConditionFailure(r));
                }
            case "Update":
                {
                    TableDefinition def = engine.read(() -> engine.table(table).definition());
                    UpdateItemOp.Plan plan = UpdateItemOp.plan(r, def);
                    if (!r.has("UpdateExpression")) {
                        throw Req.notNull("UpdateExpression");
                    }
                    return new Action(
                            kind, table, plan.key(), null, plan.condition(), plan, plan.onFail());
                }
            default:
                throw ApiException.validation(
                        "TransactItems can only contain one of Check, Put, Update or Delete");
        }
    }

    private static Condition condition(Req r, boolean required) {
        String text = r.string("ConditionExpression");
        if (text == null && required) {
            throw Req.notNull("ConditionExpression");
        }
        ExpressionContext ctx = r.expressionContext(text != null);
        Condition c =
                text == null
                        ? null
                        : ExpressionParser.parseCondition(text, "ConditionExpression", ctx);
        ctx.checkAllUsed();
        return c;
    }

    private static void checkCount(JsonNode items) {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw Req.constraint(
                    "[...]",
                    "transactItems",
                    items.isEmpty()
                            ? "Member must have length greater than or equal to 1"
                            : "Member must have length less than or equal to 100");
        }
    }

    ObjectNode transactGet(Req r) {
        JsonNode items = r.array("TransactItems");
        if (items == null) {
            throw Req.notNull("TransactItems");
        }
        checkCount(items);
        String consumed = ItemOps.consumedMode(r);
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
                () -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode responses = out.putArray("Responses");
                    java.util.Map<String, Double> units = new java.util.LinkedHashMap<>();
                    for (Get g : gets) {
                        Table t = engine.table(g.table());
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
