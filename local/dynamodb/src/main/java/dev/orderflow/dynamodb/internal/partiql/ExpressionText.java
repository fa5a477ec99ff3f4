package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.partiql.Pql.Expr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes PartiQL conditions and values as DynamoDB expressions with {@code #n}/{@code :v}
 * placeholders, so that the engine's own parser, checks and evaluator run them: PartiQL gets no
 * second evaluator. One instance collects the placeholders of one request.
 */
final class ExpressionText {
    private final ObjectNode names = JsonNodeFactory.instance.objectNode();
    private final ObjectNode values = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> nameRefs = new HashMap<>();

    /** Sets ExpressionAttributeNames/Values on the request, when any were used. */
    void addTo(ObjectNode request) {
        if (!names.isEmpty()) {
            request.set("ExpressionAttributeNames", names);
        }
        if (!values.isEmpty()) {
            request.set("ExpressionAttributeValues", values);
        }
    }

    String name(String attribute) {
        return nameRefs.computeIfAbsent(
                attribute,
                a -> {
                    String ref = "#n" + nameRefs.size();
                    names.put(ref, a);
                    return ref;
                });
    }

    String value(ObjectNode attribute) {
        String ref = ":v" + values.size();
        values.set(ref, attribute);
        return ref;
    }

    String path(Pql.Path path) {
        StringBuilder sb = new StringBuilder();
        for (Pql.Step step : path.steps()) {
            if (step instanceof Pql.Name n) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name(n.name()));
            } else if (step instanceof Pql.Index i) {
                sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * The conditions joined by AND, or null when there are none; {@code context} is the precedence
     * of the operator around it (0: none, 1: OR).
     */
    String conjunction(List<Expr> conditions, int context) {
        if (conditions.isEmpty()) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (Expr c : conditions) {
            parts.add(write(c, AND));
        }
        String joined = String.join(" AND ", parts);
        return parts.size() > 1 && context > AND ? "(" + joined + ")" : joined;
    }

    String conjunction(List<Expr> conditions) {
        return conjunction(conditions, 0);
    }

    /** A condition with only the parentheses its structure needs (DynamoDB refuses "((a))"). */
    String condition(Expr e) {
        return write(e, 0);
    }

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int ATOM = 4;

    private String write(Expr e, int context) {
        int precedence;
        String text;
        if (e instanceof Pql.Or o) {
            precedence = OR;
            text = write(o.left(), OR) + " OR " + write(o.right(), OR);
        } else if (e instanceof Pql.And a) {
            precedence = AND;
            text = write(a.left(), AND) + " AND " + write(a.right(), AND);
        } else if (e instanceof Pql.Not n) {
            precedence = NOT;
            text = "NOT " + write(n.operand(), NOT);
        } else {
            precedence = ATOM;
            text = atom(e);
        }
        return precedence < context ? "(" + text + ")" : text;
    }

    private String atom(Expr e) {
        if (e instanceof Pql.Compare c) {
            return operand(c.left()) + " " + c.op() + " " + operand(c.right());
        }
        if (e instanceof Pql.Between b) {
            return operand(b.value())
                    + " BETWEEN "
                    + operand(b.low())
                    + " AND "
                    + operand(b.high());
        }
        if (e instanceof Pql.In i) {
            return operand(i.value()) + " IN (" + list(i.candidates()) + ")";
        }
        if (e instanceof Pql.Is is) {
            return is(is);
        }
        if (e instanceof Pql.Call call) {
            return call(call);
        }
        throw PartiqlErrors.validation(
                "WHERE clause must contain an expression that resolves to a boolean");
    }

    private String is(Pql.Is is) {
        String path = path(is.path());
        if (is.missing()) {
            return (is.negated() ? "attribute_exists(" : "attribute_not_exists(") + path + ")";
        }
        ObjectNode nullType = JsonNodeFactory.instance.objectNode().put("S", "NULL");
        String test = "attribute_type(" + path + ", " + value(nullType) + ")";
        return is.negated() ? "NOT " + test : test;
    }

    /** A value: a path, a literal or parameter, a function, or {@code a + b}. */
    String operand(Expr e) {
        if (e instanceof Pql.Path p) {
            return path(p);
        }
        if (e instanceof Pql.Value v) {
            return value(v.attribute());
        }
        if (e instanceof Pql.Call call) {
            return call(call);
        }
        if (e instanceof Pql.Arith a) {
            return operand(a.left()) + " " + a.op() + " " + operand(a.right());
        }
        throw PartiqlErrors.syntax("Unexpected token");
    }

    private String call(Pql.Call call) {
        return call.function() + "(" + list(call.args()) + ")";
    }

    private String list(List<Expr> exprs) {
        StringBuilder sb = new StringBuilder();
        for (Expr e : exprs) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(operand(e));
        }
        return sb.toString();
    }
}
