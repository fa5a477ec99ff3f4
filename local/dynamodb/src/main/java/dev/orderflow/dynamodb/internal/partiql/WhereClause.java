package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.partiql.Pql.Expr;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A WHERE clause split into its top-level AND terms, and the key terms found among them: the full
 * primary key of a write, or the partition values and sort-key condition that make a SELECT a Query
 * instead of a Scan.
 */
final class WhereClause {
    private static final Set<String> RANGE_OPS = Set.of("=", "<", "<=", ">", ">=");

    private WhereClause() {}

    /** The top-level AND terms of a condition (none for a missing WHERE). */
    static List<Expr> conjuncts(Expr where) {
        List<Expr> out = new ArrayList<>();
        if (where != null) {
            flatten(where, out);
        }
        return out;
    }

    private static void flatten(Expr e, List<Expr> out) {
        if (e instanceof Pql.And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else {
            out.add(e);
        }
    }

    /** The primary key of a write and the terms left for its condition. */
    record ItemKey(ObjectNode key, List<Expr> rest) {}

    /**
     * The full primary key of a write from equalities in the WHERE clause; anything else becomes
     * the write's condition. Without an equality on every key attribute: DynamoDB's "Where clause
     * does not contain a mandatory equality on all key attributes".
     */
    static ItemKey itemKey(Expr where, KeySchema key) {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        List<Expr> rest = new ArrayList<>();
        for (Expr c : conjuncts(where)) {
            String attribute = equalityOn(c, key);
            if (attribute != null && !found.containsKey(attribute)) {
                found.put(attribute, equalityValue((Pql.Compare) c));
            } else {
                rest.add(c);
            }
        }
        if (!found.containsKey(key.hash()) || (key.hasRange() && !found.containsKey(key.range()))) {
            throw PartiqlErrors.incompleteKey();
        }
        ObjectNode keyNode =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        keyNode.set(key.hash(), found.get(key.hash()));
        if (key.hasRange()) {
            keyNode.set(key.range(), found.get(key.range()));
        }
        return new ItemKey(keyNode, rest);
    }

    /** The key attribute an {@code attribute = value} term pins, or null. */
    private static String equalityOn(Expr c, KeySchema key) {
        if (c instanceof Pql.Compare cmp && cmp.op().equals("=")) {
            String name = pathName(cmp.left(), cmp.right());
            return name != null && key.isKey(name) ? name : null;
        }
        return null;
    }

    private static ObjectNode equalityValue(Pql.Compare cmp) {
        return cmp.left() instanceof Pql.Value v
                ? v.attribute()
                : ((Pql.Value) cmp.right()).attribute();
    }

    /** The top-level attribute compared with a value in {@code a op v} or {@code v op a}. */
    private static String pathName(Expr left, Expr right) {
        if (left instanceof Pql.Path p && right instanceof Pql.Value) {
            return p.topName();
        }
        if (right instanceof Pql.Path p && left instanceof Pql.Value) {
            return p.topName();
        }
        return null;
    }

    /**
     * How a SELECT reads: the partition values (from {@code hash = v} or {@code hash IN [...]};
     * empty for a Scan), the term that becomes the sort-key condition (or null), and the rest.
     */
    record ReadPlan(List<ObjectNode> partitions, Expr rangeTerm, List<Expr> filter) {
        boolean isQuery() {
            return !partitions.isEmpty();
        }
    }

    static ReadPlan readPlan(Expr where, KeySchema key) {
        List<Expr> terms = conjuncts(where);
        List<ObjectNode> partitions = new ArrayList<>();
        Expr rangeTerm = null;
        List<Expr> filter = new ArrayList<>();
        for (Expr c : terms) {
            if (partitions.isEmpty() && key.hash().equals(equalityOn(c, key))) {
                partitions.add(equalityValue((Pql.Compare) c));
            } else if (partitions.isEmpty() && inOnHash(c, key)) {
                ((Pql.In) c).candidates().forEach(v -> partitions.add(((Pql.Value) v).attribute()));
            } else if (rangeTerm == null && key.hasRange() && isRangeTerm(c, key.range())) {
                rangeTerm = c;
            } else {
                filter.add(c);
            }
        }
        if (partitions.isEmpty() || mentionsKey(filter, key)) {
            // A Query's filter may not name a key attribute: such a WHERE is read as a Scan.
            return new ReadPlan(List.of(), null, terms);
        }
        return new ReadPlan(partitions, rangeTerm, filter);
    }

    private static boolean inOnHash(Expr c, KeySchema key) {
        return c instanceof Pql.In in
                && in.value() instanceof Pql.Path p
                && key.hash().equals(p.topName())
                && in.candidates().stream().allMatch(v -> v instanceof Pql.Value);
    }

    private static boolean isRangeTerm(Expr c, String range) {
        if (c instanceof Pql.Compare cmp && RANGE_OPS.contains(cmp.op())) {
            return range.equals(pathName(cmp.left(), cmp.right()));
        }
        if (c instanceof Pql.Between b) {
            return b.value() instanceof Pql.Path p
                    && range.equals(p.topName())
                    && b.low() instanceof Pql.Value
                    && b.high() instanceof Pql.Value;
        }
        if (c instanceof Pql.Call call && call.function().equals("begins_with")) {
            return call.args().size() == 2
                    && call.args().get(0) instanceof Pql.Path p
                    && range.equals(p.topName())
                    && call.args().get(1) instanceof Pql.Value;
        }
        return false;
    }

    private static boolean mentionsKey(List<Expr> filter, KeySchema key) {
        for (Expr e : filter) {
            if (mentions(e, key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Expr e, KeySchema key) {
        if (e instanceof Pql.Path p) {
            return p.steps().get(0) instanceof Pql.Name n && key.isKey(n.name());
        }
        if (e instanceof Pql.And a) {
            return mentions(a.left(), key) || mentions(a.right(), key);
        }
        if (e instanceof Pql.Or o) {
            return mentions(o.left(), key) || mentions(o.right(), key);
        }
        if (e instanceof Pql.Not n) {
            return mentions(n.operand(), key);
        }
        if (e instanceof Pql.Compare c) {
            return mentions(c.left(), key) || mentions(c.right(), key);
        }
        if (e instanceof Pql.Between b) {
            return mentions(b.value(), key) || mentions(b.low(), key) || mentions(b.high(), key);
        }
        if (e instanceof Pql.In in) {
            return mentions(in.value(), key)
                    || in.candidates().stream().anyMatch(x -> mentions(x, key));
        }
        if (e instanceof Pql.Is is) {
            return mentions(is.path(), key);
        }
        if (e instanceof Pql.Call call) {
            return call.args().stream().anyMatch(x -> mentions(x, key));
        }
        if (e instanceof Pql.Arith a) {
            return mentions(a.left(), key) || mentions(a.right(), key);
        }
        return false;
    }
}
