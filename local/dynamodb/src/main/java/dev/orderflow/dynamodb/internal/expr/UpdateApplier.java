package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an update expression ("Using update expressions in DynamoDB", Developer Guide). Every
 * operand is read from the item as it was before the update, as AWS does.
 */
public final class UpdateApplier {
    private UpdateApplier() {}

    /** Checks operand types that AWS rejects before looking at the item. */
    public static void validate(UpdateExpression u) {
        List<UpdateExpression.AddAction> adds = new ArrayList<>(u.adds());
        adds.sort((x, y) -> INDEX_ORDER.compare(x.path(), y.path()));
        for (UpdateExpression.AddAction a : adds) {
            AttributeValue v = a.value().value();
            if (!(v instanceof AttributeValue.N || isSet(v))) {
                throw operandType("ADD", v);
            }
        }
        for (UpdateExpression.AddAction d : u.deletes()) {
            AttributeValue v = d.value().value();
            if (!isSet(v)) {
                throw operandType("DELETE", v);
            }
        }
    }

    /** Returns the updated copy of {@code old} (which may be empty for a new item). */
    public static Map<String, AttributeValue> apply(
            UpdateExpression u, Map<String, AttributeValue> old) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(old);
        List<AttributeValue> setValues = new ArrayList<>();
        for (UpdateExpression.SetAction s : u.sets()) {
            setValues.add(evaluate(s.value(), old));
        }
        // Writes past a list's end append; DynamoDB appends them in index order, whatever order
        // the expression names them in (recorded: "should update nested attributes").
        List<Integer> setOrder = new ArrayList<>();
        for (int i = 0; i < u.sets().size(); i++) {
            setOrder.add(i);
        }
        setOrder.sort(
                (x, y) -> INDEX_ORDER.compare(u.sets().get(x).path(), u.sets().get(y).path()));
        for (int i : setOrder) {
            AttributeValue v = setValues.get(i);
            DocumentPaths.update(item, u.sets().get(i).path(), prev -> v);
        }
        List<Operand.Path> removes = new ArrayList<>(u.removes());
        // Later list indexes first, so earlier removals do not shift them.
        removes.sort(REMOVE_ORDER);
        for (Operand.Path p : removes) {
            // As with SET, a nested path needs its parent: AWS refuses the update otherwise.
            DocumentPaths.update(item, p, prev -> null);
        }
        List<UpdateExpression.AddAction> adds = new ArrayList<>(u.adds());
        adds.sort((x, y) -> INDEX_ORDER.compare(x.path(), y.path()));
        for (UpdateExpression.AddAction a : adds) {
            AttributeValue add = a.value().value();
            DocumentPaths.update(item, a.path(), prev -> add(prev, add));
        }
        for (UpdateExpression.AddAction d : u.deletes()) {
            AttributeValue del = d.value().value();
            DocumentPaths.update(item, d.path(), prev -> delete(prev, del));
        }
        return item;
    }

    private static final Comparator<Operand.Path> REMOVE_ORDER =
            (a, b) -> {
                int n = Math.min(a.elements().size(), b.elements().size());
                for (int i = 0; i < n; i++) {
                    PathElement x = a.elements().get(i);
                    PathElement y = b.elements().get(i);
                    if (x instanceof PathElement.Index xi && y instanceof PathElement.Index yi) {
                        if (xi.index() != yi.index()) {
                            return Integer.compare(yi.index(), xi.index());
                        }
                    } else if (!x.equals(y)) {
                        return 0;
                    }
                }
                return 0;
            };

    /**
     * A total order of paths in which paths into one list come by ascending index (names by text, a
     * name before an index, a parent before its children).
     */
    private static final Comparator<Operand.Path> INDEX_ORDER =
            (a, b) -> {
                int n = Math.min(a.elements().size(), b.elements().size());
                for (int i = 0; i < n; i++) {
                    int c = compare(a.elements().get(i), b.elements().get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(a.elements().size(), b.elements().size());
            };

    private static int compare(PathElement x, PathElement y) {
        if (x instanceof PathElement.Index xi && y instanceof PathElement.Index yi) {
            return Integer.compare(xi.index(), yi.index());
        }
        if (x instanceof PathElement.Name xn && y instanceof PathElement.Name yn) {
            return xn.name().compareTo(yn.name());
        }
        return x instanceof PathElement.Name ? -1 : 1;
    }

    private static AttributeValue evaluate(Operand o, Map<String, AttributeValue> item) {
        if (o instanceof Operand.Path p) {
            AttributeValue v = DocumentPaths.get(item, p);
            if (v == null) {
                throw ApiException.validation(
                        "The provided expression refers to an attribute that does not exist in the"
                                + " item");
            }
            return v;
        } else if (o instanceof Operand.Value v) {
            return v.value();
        } else if (o instanceof Operand.IfNotExists i) {
            AttributeValue v = DocumentPaths.get(item, i.path());
            return v != null ? v : evaluate(i.fallback(), item);
        } else if (o instanceof Operand.ListAppend la) {
            AttributeValue a = evaluate(la.first(), item);
            AttributeValue b = evaluate(la.second(), item);
            if (!(a instanceof AttributeValue.L al) || !(b instanceof AttributeValue.L bl)) {
                throw wrongType();
            }
            List<AttributeValue> joined = new ArrayList<>(al.values());
            joined.addAll(bl.values());
            return new AttributeValue.L(joined);
        } else if (o instanceof Operand.Arithmetic ar) {
            AttributeValue a = evaluate(ar.left(), item);
            AttributeValue b = evaluate(ar.right(), item);
            if (!(a instanceof AttributeValue.N an) || !(b instanceof AttributeValue.N bn)) {
                throw wrongType();
            }
            BigDecimal rhs = ar.plus() ? bn.value() : bn.value().negate();
            return new AttributeValue.N(Numbers.add(an.value(), rhs));
        }
        throw new IllegalStateException("not an update operand: " + o);
    }

    private static AttributeValue add(AttributeValue prev, AttributeValue add) {
        if (prev == null) {
            return add;
        }
        if (prev instanceof AttributeValue.N p && add instanceof AttributeValue.N a) {
            return new AttributeValue.N(Numbers.add(p.value(), a.value()));
        }
        if (prev instanceof AttributeValue.SS p && add instanceof AttributeValue.SS a) {
            return new AttributeValue.SS(union(p.values(), a.values()));
        }
        if (prev instanceof AttributeValue.NS p && add instanceof AttributeValue.NS a) {
            return new AttributeValue.NS(union(p.values(), a.values()));
        }
        if (prev instanceof AttributeValue.BS p && add instanceof AttributeValue.BS a) {
            return new AttributeValue.BS(union(p.values(), a.values()));
        }
        if (prev instanceof AttributeValue.L p && add instanceof AttributeValue.L a) {
            // Only legacy AttributeUpdates can ADD a list (it appends); expressions refuse it.
            List<AttributeValue> joined = new ArrayList<>(p.values());
            joined.addAll(a.values());
            return new AttributeValue.L(joined);
        }
        throw wrongType();
    }

    private static AttributeValue delete(AttributeValue prev, AttributeValue del) {
        if (prev == null) {
            return null;
        }
        if (prev instanceof AttributeValue.SS p && del instanceof AttributeValue.SS d) {
            Set<String> left = minus(p.values(), d.values());
            return left.isEmpty() ? null : new AttributeValue.SS(left);
        }
        if (prev instanceof AttributeValue.NS p && del instanceof AttributeValue.NS d) {
            Set<BigDecimal> left = minus(p.values(), d.values());
            return left.isEmpty() ? null : new AttributeValue.NS(left);
        }
        if (prev instanceof AttributeValue.BS p && del instanceof AttributeValue.BS d) {
            var left = minus(p.values(), d.values());
            return left.isEmpty() ? null : new AttributeValue.BS(left);
        }
        throw wrongType();
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static boolean isSet(AttributeValue v) {
        return v instanceof AttributeValue.SS
                || v instanceof AttributeValue.NS
                || v instanceof AttributeValue.BS;
    }

    private static ApiException wrongType() {
        return new OperandTypeMismatch();
    }

    /**
     * ADD or DELETE met a stored value of another type. An update expression reports it in these
     * words; legacy AttributeUpdates in others (see UpdateItemOp).
     */
    public static final class OperandTypeMismatch extends ApiException {
        private static final long serialVersionUID = 1L;

        OperandTypeMismatch() {
            super(
                    ApiException.validation("").type(),
                    "An operand in the update expression has an incorrect data type",
                    400,
                    false);
        }
    }

    private static ApiException operandType(String op, AttributeValue v) {
        return ApiException.validation(
                "Invalid UpdateExpression: Incorrect operand type for operator or function;"
                        + " operator: "
                        + op
                        + ", operand type: "
                        + typeName(v));
    }

    static String typeName(AttributeValue v) {
        return switch (v.typeTag()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "L" -> "LIST";
            case "M" -> "MAP";
            case "SS" -> "STRING_SET";
            case "NS" -> "NUMBER_SET";
            default -> "BINARY_SET";
        };
    }
}
