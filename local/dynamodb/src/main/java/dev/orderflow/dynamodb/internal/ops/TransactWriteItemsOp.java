package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.ExpressionParser;
import dev.orderflow.dynamodb.internal.table.ItemId;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems ("Amazon DynamoDB Transactions: How it works", Developer Guide). A write
 * transaction runs in two phases under the engine's write lock. Phase 1 checks every condition and
 * computes every write, then holds the items; phase 2 applies the writes, journals them as one WAL
 * line and releases the items. In between, another transaction touching a held item is cancelled
 * with TransactionConflict and a single-item write to it fails with TransactionConflictException,
 * as AWS does ("Transaction conflict handling"); reads see the committed state. So it is
 * all-or-nothing and serializable with every other write. Cancellation reasons are reported in
 * request order.
 */
final class TransactWriteItemsOp {
    private final Engine engine;
    private final IdempotencyCache tokens;

    TransactWriteItemsOp(Engine engine) {
        this.engine = engine;
        this.tokens = new IdempotencyCache(engine.clock());
    }

    /** An action bound in phase 1 to its table, its item and the item it writes (null: none). */
    private record PreparedAction(
            TransactAction action,
            Table table,
            ItemId id,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> next) {}

    /** A transaction between its phases; it owns the items it holds until released. */
    private static final class PreparedTransaction {
        private List<PreparedAction> actions = List.of();
        private boolean released;

        List<ItemId> ids() {
            return actions.stream().map(PreparedAction::id).toList();
        }
    }

    ObjectNode invoke(Req r) {
        JsonNode items = TransactItems.of(r);
        String consumed = ItemRequests.consumedMode(r);
        String token = r.string("ClientRequestToken");
        List<TransactAction> actions = new ArrayList<>();
        for (JsonNode n : items) {
            actions.add(parse(n));
        }
        PreparedTransaction p = new PreparedTransaction();
        ObjectNode previous = engine.write(state -> prepare(state, token, r, actions, p));
        if (previous != null) {
            return previous;
        }
        try {
            engine.transactionPrepared();
            return engine.write(state -> commit(state, token, r, p, consumed));
        } finally {
            if (!p.released) {
                engine.write(state -> release(state, p));
            }
        }
    }

    private static Object release(WriteAccess state, PreparedTransaction p) {
        state.release(p.ids(), p);
        p.released = true;
        return null;
    }

    /**
     * Phase 1, under the lock: validates the request, evaluates every condition and update and
     * holds the items, or cancels the transaction. Returns the earlier response for a repeated
     * ClientRequestToken, else null.
     */
    private ObjectNode prepare(
            WriteAccess state,
            String token,
            Req r,
            List<TransactAction> actions,
            PreparedTransaction p) {
        if (token != null) {
            ObjectNode previous = tokens.lookup(token, r.node());
            if (previous != null) {
                return previous;
            }
        }
        List<Table> tables = new ArrayList<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Set<ItemId> seen = new HashSet<>();
        for (TransactAction a : actions) {
            Table t = state.table(a.table());
            engine.replicaHooks().checkTransaction(a.table());
            Map<String, AttributeValue> key = a.targetKey(t.definition());
            if (!seen.add(new ItemId(a.table(), key))) {
                throw ApiException.validation(
                        "Transaction request cannot include multiple operations on one item");
            }
            tables.add(t);
            keys.add(key);
        }
        p.actions = evaluate(state, actions, tables, keys, p);
        state.hold(p.ids(), p);
        return null;
    }

    /**
     * Computes each action's write, or cancels with the reasons in request order; {@code tables}
     * and {@code keys} are each action's, as phase 1 resolved them.
     */
    private static List<PreparedAction> evaluate(
            WriteAccess state,
            List<TransactAction> actions,
            List<Table> tables,
            List<Map<String, AttributeValue>> keys,
            PreparedTransaction p) {
        List<PreparedAction> prepared = new ArrayList<>();
        ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
        boolean failed = false;
        for (int i = 0; i < actions.size(); i++) {
            TransactAction a = actions.get(i);
            Table t = tables.get(i);
            Map<String, AttributeValue> key = keys.get(i);
            ObjectNode reason = reasons.addObject();
            if (state.isHeld(a.table(), key, p)) {
                // Another transaction is in flight on this item ("Transaction conflict handling").
                failed = true;
                reason.put("Code", "TransactionConflict");
                reason.put("Message", ApiException.TRANSACTION_ONGOING);
                continue;
            }
            Map<String, AttributeValue> old = t.get(key);
            try {
                Map<String, AttributeValue> next = a.evaluate(t.definition(), old);
                prepared.add(new PreparedAction(a, t, new ItemId(a.table(), key), key, next));
                reason.put("Code", "None");
            } catch (ApiException e) {
                failed = true;
                boolean conditional = e.shortName().equals("ConditionalCheckFailedException");
                reason.put("Code", conditional ? "ConditionalCheckFailed" : "ValidationError");
                if (conditional && a.onFail().equals("ALL_OLD") && old != null) {
                    reason.set("Item", AttributeJson.itemNode(old));
                }
                reason.put("Message", e.getMessage());
            }
        }
        if (failed) {
            throw cancelled(reasons);
        }
        return prepared;
    }

    private static ApiException cancelled(ArrayNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(x -> codes.add(x.path("Code").asText()));
        return new ApiException(
                        "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                        "Transaction cancelled, please refer cancellation reasons for specific"
                                + " reasons ["
                                + String.join(", ", codes)
                                + "]",
                        400,
                        true)
                .with("CancellationReasons", reasons);
    }

    /**
     * Phase 2, under the lock: applies the writes computed in phase 1 (still valid: nobody else
     * could change a held item), journals them as one WAL line and releases the items.
     */
    private ObjectNode commit(
            WriteAccess state, String token, Req r, PreparedTransaction p, String consumed) {
        try {
            for (PreparedAction a : p.actions) {
                if (state.tables().get(a.action().table()) != a.table()) {
                    throw ApiException.resourceNotFound(); // deleted while in flight
                }
            }
            // Sizing items and their index entries costs time: only when capacity was asked for.
            Map<String, Double> units = consumed.equals("NONE") ? null : new LinkedHashMap<>();
            state.beginGroup();
            try {
                applyAll(state, p.actions, units);
            } finally {
                state.endGroup();
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
            release(state, p);
        }
    }

    /** Applies the writes; adds their capacity to {@code units} unless it is null. */
    private static void applyAll(
            WriteAccess state, List<PreparedAction> actions, Map<String, Double> units) {
        for (PreparedAction a : actions) {
            Map<String, AttributeValue> old =
                    a.action().commit(state, a.table(), a.key(), a.next());
            if (units != null) {
                // Transactional writes cost two write units per KB (a ConditionCheck too).
                TableDefinition def = a.table().definition();
                units.merge(
                        a.action().table(),
                        WriteCapacity.of(def, old, a.next()).total(2),
                        Double::sum);
            }
        }
    }

    private TransactAction parse(JsonNode n) {
        if (!n.isObject() || n.size() != 1) {
            throw ApiException.validation(
                    "TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = n.fieldNames().next();
        Req r = Req.of(n.get(kind));
        String table = r.tableName();
        switch (kind) {
            case "Put":
                if (!r.has("Item")) {
                    throw Req.notNull("Item");
                }
                return new TransactAction.Put(
                        table,
                        ItemRequests.ordered(r.item("Item")),
                        condition(r, false),
                        ItemRequests.onConditionFailure(r));
            case "Delete":
                return new TransactAction.Delete(
                        table, key(r), condition(r, false), ItemRequests.onConditionFailure(r));
            case "ConditionCheck":
                return new TransactAction.ConditionCheck(
                        table, key(r), condition(r, true), ItemRequests.onConditionFailure(r));
            case "Update":
                TableDefinition def = engine.read(state -> state.table(table).definition());
                UpdateItemOp.Plan plan = UpdateItemOp.plan(r, def);
                if (!r.has("UpdateExpression")) {
                    throw Req.notNull("UpdateExpression");
                }
                return new TransactAction.Update(table, plan);
            default:
                throw ApiException.validation(
                        "TransactItems can only contain one of Check, Put, Update or Delete");
        }
    }

    private static Map<String, AttributeValue> key(Req r) {
        if (!r.has("Key")) {
            throw Req.notNull("Key");
        }
        return r.item("Key");
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
}
