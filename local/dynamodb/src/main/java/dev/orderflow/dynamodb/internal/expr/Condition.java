package dev.orderflow.dynamodb.internal.expr;

import java.util.List;

/** A parsed condition, filter or key-condition expression. */
public sealed interface Condition {

    /** Comparison operators. */
    enum Comparator {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        static Comparator of(String symbol) {
            for (Comparator c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** {@code left op right}. */
    record Compare(Operand left, Comparator op, Operand right) implements Condition {}

    /** {@code value BETWEEN low AND high}. */
    record Between(Operand value, Operand low, Operand high) implements Condition {}

    /** {@code value IN (a, b, ...)}. */
    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** Conjunction. */
    record And(Condition left, Condition right) implements Condition {}

    /** Disjunction. */
    record Or(Condition left, Condition right) implements Condition {}

    /** Negation. */
    record Not(Condition inner) implements Condition {}

    /** {@code attribute_exists(path)}. */
    record Exists(Operand.Path path) implements Condition {}

    /** {@code attribute_not_exists(path)}. */
    record NotExists(Operand.Path path) implements Condition {}

    /** {@code attribute_type(path, :type)}. */
    record TypeIs(Operand.Path path, Operand type) implements Condition {}

    /** {@code begins_with(a, b)}. */
    record BeginsWith(Operand value, Operand prefix) implements Condition {}

    /**
     * A condition function as parsed, before its placeholders are resolved and its operands
     * checked; the resolver replaces it with one of the function records, so evaluation never meets
     * it.
     */
    record Call(String function, List<Operand> args) implements Condition {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code contains(a, b)}. */
    record Contains(Operand container, Operand element) implements Condition {}
}
