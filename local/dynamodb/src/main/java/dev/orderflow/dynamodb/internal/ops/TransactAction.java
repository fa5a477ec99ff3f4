package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Map;

/** One action of a TransactWriteItems request; DynamoDB knows these four kinds. */
sealed interface TransactAction {

    /** The name of the table the action works on. */
    String table();

    /** The action's ReturnValuesOnConditionCheckFailure. */
    String onFail();

    /** The key of the item the action works on, checked against the table's key schema. */
    Map<String, AttributeValue> targetKey(TableDefinition def);

    /**
     * Phase 1: checks the action against the current item ({@code old}, null if none) and returns
     * the item it will write, or null when it deletes or only checks.
     *
     * @throws dev.orderflow.dynamodb.internal.error.ApiException when its condition fails or its
     *     update cannot be applied
     */
    Map<String, AttributeValue> evaluate(TableDefinition def, Map<String, AttributeValue> old);

    /**
     * Phase 2: applies what {@link #evaluate} computed ({@code next}) to the item at {@code key}
     * and records the change; returns the item it replaced or removed.
     */
    Map<String, AttributeValue> commit(
            WriteAccess state,
            Table t,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> next);

    /** Writes a whole item, replacing the one with its key. */
    record Put(String table, Map<String, AttributeValue> item, Condition condition, String onFail)
            implements TransactAction {

        @Override
        public Map<String, AttributeValue> targetKey(TableDefinition def) {
            Keys.validateItem(def, item);
            return def.key().keyOf(item);
        }

        @Override
        public Map<String, AttributeValue> evaluate(
                TableDefinition def, Map<String, AttributeValue> old) {
            ItemRequests.checkCondition(condition, old, onFail);
            return item;
        }

        @Override
        public Map<String, AttributeValue> commit(
                WriteAccess state,
                Table t,
                Map<String, AttributeValue> key,
                Map<String, AttributeValue> next) {
            return write(state, t, next);
        }
    }

    /** Changes (or creates) the item with the plan's key. */
    record Update(String table, UpdateItemOp.Plan plan) implements TransactAction {

        @Override
        public String onFail() {
            return plan.onFail();
        }

        @Override
        public Map<String, AttributeValue> targetKey(TableDefinition def) {
            Keys.validateKey(def, plan.key());
            return plan.key();
        }

        @Override
        public Map<String, AttributeValue> evaluate(
                TableDefinition def, Map<String, AttributeValue> old) {
            return plan.apply(def, old);
        }

        @Override
        public Map<String, AttributeValue> commit(
                WriteAccess state,
                Table t,
                Map<String, AttributeValue> key,
                Map<String, AttributeValue> next) {
            return write(state, t, next);
        }
    }

    /** Removes the item with the key. */
    record Delete(String table, Map<String, AttributeValue> key, Condition condition, String onFail)
            implements TransactAction {

        @Override
        public Map<String, AttributeValue> targetKey(TableDefinition def) {
            Keys.validateKey(def, key);
            return key;
        }

        @Override
        public Map<String, AttributeValue> evaluate(
                TableDefinition def, Map<String, AttributeValue> old) {
            ItemRequests.checkCondition(condition, old, onFail);
            return null;
        }

        @Override
        public Map<String, AttributeValue> commit(
                WriteAccess state,
                Table t,
                Map<String, AttributeValue> key,
                Map<String, AttributeValue> next) {
            Map<String, AttributeValue> old = t.delete(key);
            state.changed(t, key, old, null, false);
            return old;
        }
    }

    /** Checks a condition on the item with the key and writes nothing. */
    record ConditionCheck(
            String table, Map<String, AttributeValue> key, Condition condition, String onFail)
            implements TransactAction {

        @Override
        public Map<String, AttributeValue> targetKey(TableDefinition def) {
            Keys.validateKey(def, key);
            return key;
        }

        @Override
        public Map<String, AttributeValue> evaluate(
                TableDefinition def, Map<String, AttributeValue> old) {
            ItemRequests.checkCondition(condition, old, onFail);
            return null;
        }

        @Override
        public Map<String, AttributeValue> commit(
                WriteAccess state,
                Table t,
                Map<String, AttributeValue> key,
                Map<String, AttributeValue> next) {
            return null;
        }
    }

    private static Map<String, AttributeValue> write(
            WriteAccess state, Table t, Map<String, AttributeValue> next) {
        Map<String, AttributeValue> old = t.put(next);
        state.changed(t, t.definition().key().keyOf(next), old, next, false);
        return old;
    }
}
