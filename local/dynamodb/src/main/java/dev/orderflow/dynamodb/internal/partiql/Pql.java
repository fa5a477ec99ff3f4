package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The syntax tree of a PartiQL statement as DynamoDB accepts it. Parameters are bound while
 * parsing, so values are attribute values in DynamoDB's JSON form ({@code {"S": "x"}}).
 */
final class Pql {
    private Pql() {}

    /** One statement: a read, one of the three writes, or a transaction's condition check. */
    sealed interface Statement permits Select, Insert, Update, Delete, Exists {
        String table();

        default boolean isRead() {
            return this instanceof Select;
        }
    }

    /**
     * {@code SELECT projection FROM "table"[."index"] [WHERE ...] [ORDER BY ...]}; an empty
     * projection is {@code *}.
     */
    record Select(
            List<Path> projection, String table, String index, Expr where, List<Order> orderBy)
            implements Statement {
        Select {
            projection = List.copyOf(projection);
            orderBy = List.copyOf(orderBy);
        }
    }

    record Order(String attribute, boolean descending) {}

    /** {@code INSERT INTO "table" VALUE {...}}. */
    record Insert(String table, ObjectNode item) implements Statement {}

    /** {@code UPDATE "table" SET ... REMOVE ... WHERE ... [RETURNING ...]}. */
    record Update(String table, List<Action> actions, Expr where, Returning returning)
            implements Statement {
        Update {
            actions = List.copyOf(actions);
        }
    }

    /** {@code DELETE FROM "table" WHERE ... [RETURNING ALL OLD *]}. */
    record Delete(String table, Expr where, Returning returning) implements Statement {}

    /**
     * {@code EXISTS(SELECT * FROM "table" WHERE key AND condition)}, in ExecuteTransaction only.
     */
    record Exists(Select select) implements Statement {
        @Override
        public String table() {
            return select.table();
        }
    }

    /** RETURNING's four forms and the ReturnValues each one means. */
    enum Returning {
        ALL_OLD("ALL_OLD"),
        MODIFIED_OLD("UPDATED_OLD"),
        ALL_NEW("ALL_NEW"),
        MODIFIED_NEW("UPDATED_NEW");

        final String returnValues;

        Returning(String returnValues) {
            this.returnValues = returnValues;
        }
    }

    /** One action of an UPDATE. */
    sealed interface Action permits Set, Remove {}

    record Set(Path path, Expr value) implements Action {}

    record Remove(Path path) implements Action {}

    /** A document path step: an attribute or map key, or a list index. */
    sealed interface Step permits Name, Index {}

    record Name(String name) implements Step {}

    record Index(int index) implements Step {}

    /** An expression of a WHERE clause or of an assigned value. */
    sealed interface Expr
            permits Path, Value, Compare, Between, In, And, Or, Not, Is, Call, Arith {}

    record Path(List<Step> steps) implements Expr {
        Path {
            steps = List.copyOf(steps);
        }

        /** The attribute name when the path is a single top-level name, else null. */
        String topName() {
            return steps.size() == 1 && steps.get(0) instanceof Name n ? n.name() : null;
        }
    }

    /** A literal or bound parameter, as a DynamoDB attribute value. */
    record Value(ObjectNode attribute) implements Expr {}

    /** {@code =, <>, <, <=, >, >=}. */
    record Compare(String op, Expr left, Expr right) implements Expr {}

    record Between(Expr value, Expr low, Expr high) implements Expr {}

    record In(Expr value, List<Expr> candidates) implements Expr {
        In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Expr left, Expr right) implements Expr {}

    record Or(Expr left, Expr right) implements Expr {}

    record Not(Expr operand) implements Expr {}

    /** {@code path IS [NOT] MISSING} or {@code path IS [NOT] NULL}. */
    record Is(Path path, boolean missing, boolean negated) implements Expr {}

    /** A function call such as {@code begins_with(a, 'x')}; the name is lower case. */
    record Call(String function, List<Expr> args) implements Expr {
        Call {
            args = List.copyOf(args);
        }
    }

    /** {@code a + b} or {@code a - b} in an assigned value. */
    record Arith(char op, Expr left, Expr right) implements Expr {}
}
