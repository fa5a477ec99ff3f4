package dev.orderflow.dynamodb.internal.ops;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.KeyTerm;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.PathElement;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.RowKey;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.Items;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A validated key condition: equality on the hash key and at most one condition on the range key
 * ("Key condition expressions for query", Developer Guide).
 */
record KeyCondition(AttributeValue hash, Condition range, String rangeName) {

    /** The key condition of terms the Query's key rules have already checked. */
    static KeyCondition fromTerms(Map<String, KeyTerm> terms, KeySchema key) {
        AttributeValue hash = terms.get(key.hash()).values().get(0);
        KeyTerm range = key.hasRange() ? terms.get(key.range()) : null;
        return new KeyCondition(
                hash, range == null ? null : rangeCondition(key.range(), range), key.range());
    }

    /** A range key term as the condition it stands for. */
    static Condition rangeCondition(String name, KeyTerm term) {
        Operand.Path path = new Operand.Path(List.of(new PathElement.Name(name)));
        List<AttributeValue> v = term.values();
        return switch (term.operator()) {
            case "BETWEEN" -> new Condition.Between(path, value(v.get(0)), value(v.get(1)));
            case "BEGINS_WITH" -> new Condition.BeginsWith(path, value(v.get(0)));
            default ->
                    new Condition.Compare(
                            path, Condition.Comparator.valueOf(term.operator()), value(v.get(0)));
        };
    }

    private static Operand value(AttributeValue v) {
        return new Operand.Value(null, v);
    }

    static KeyCondition of(Condition c, KeySchema key, Map<String, String> types) {
        List<Condition> parts = new ArrayList<>();
        flatten(c, parts);
        if (parts.size() > 2) {
            throw ApiException.validation(
                    "Invalid KeyConditionExpression: The expression has redundant parentheses or"
                            + " more than two conditions;");
        }
        AttributeValue hash = null;
        Condition range = null;
        for (Condition p : parts) {
            String attr = attribute(p);
            if (attr.equals(key.hash())) {
                if (!(p instanceof Condition.Compare cmp) || cmp.op() != Condition.Comparator.EQ) {
                    throw ApiException.validation("Query key condition not supported");
                }
                if (hash != null) {
                    throw ApiException.validation(
                            "KeyConditionExpressions must only contain one condition per key");
                }
                hash = value(cmp.right());
                checkType(hash, types.get(attr));
            } else if (attr.equals(key.range())) {
                if (range != null) {
                    throw ApiException.validation(
                            "KeyConditionExpressions must only contain one condition per key");
                }
                range = p;
                checkRange(p, types.get(attr));
            } else {
                throw ApiException.validation(
                        "Query condition missed key schema element: "
                                + (hash == null ? key.hash() : key.range()));
            }
        }
        if (hash == null) {
            throw ApiException.validation(
                    "Query condition missed key schema element: " + key.hash());
        }
        return new KeyCondition(hash, range, key.range());
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else if (c instanceof Condition.Or) {
            throw ApiException.validation("Invalid operator used in KeyConditionExpression: OR");
        } else if (c instanceof Condition.Not) {
            throw ApiException.validation("Invalid operator used in KeyConditionExpression: NOT");
        } else if (c instanceof Condition.In) {
            throw ApiException.validation("Invalid operator used in KeyConditionExpression: IN");
        } else if (c instanceof Condition.Contains) {
            throw ApiException.validation(
                    "Invalid operator used in KeyConditionExpression: contains");
        } else if (c instanceof Condition.Exists
                || c instanceof Condition.NotExists
                || c instanceof Condition.TypeIs) {
            throw ApiException.validation(
                    "Invalid operator used in KeyConditionExpression: "
                            + (c instanceof Condition.Exists
                                    ? "attribute_exists"
                                    : c instanceof Condition.NotExists
                                            ? "attribute_not_exists"
                                            : "attribute_type"));
        } else {
            out.add(c);
        }
    }

    private static String attribute(Condition c) {
        Operand left;
        List<Operand> values = new ArrayList<>();
        if (c instanceof Condition.Compare cmp) {
            left = cmp.left();
            values.add(cmp.right());
            if (cmp.op() == Condition.Comparator.NE) {
                throw ApiException.validation(
                        "Unsupported operator on KeyConditionExpression: operator: <>");
            }
        } else if (c instanceof Condition.Between b) {
            left = b.value();
            values.add(b.low());
            values.add(b.high());
        } else {
            Condition.BeginsWith bw = (Condition.BeginsWith) c;
            left = bw.value();
            values.add(bw.prefix());
        }
        if (!(left instanceof Operand.Path p) || p.elements().size() != 1) {
            throw ApiException.validation("Query key condition not supported");
        }
        for (Operand v : values) {
            if (!(v instanceof Operand.Value)) {
                throw ApiException.validation("Query key condition not supported");
            }
        }
        return p.topName();
    }

    private static AttributeValue value(Operand o) {
        return ((Operand.Value) o).value();
    }

    private static void checkType(AttributeValue v, String type) {
        if (!v.typeTag().equals(type)) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not"
                            + " match schema type");
        }
    }

    private static void checkRange(Condition c, String type) {
        if (c instanceof Condition.Compare cmp) {
            checkType(value(cmp.right()), type);
        } else if (c instanceof Condition.Between b) {
            AttributeValue lo = value(b.low());
            AttributeValue hi = value(b.high());
            checkType(lo, type);
            checkType(hi, type);
            if (Items.compareKeys(lo, hi) > 0) {
                throw ApiException.validation(
                        "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to"
                                + " be greater than or equal to lower bound; lowerBound:"
                                + " AttributeValue: "
                                + brief(lo)
                                + ", upperBound: AttributeValue: "
                                + brief(hi));
            }
        } else {
            AttributeValue prefix = value(((Condition.BeginsWith) c).prefix());
            if (type.equals("N")) {
                throw ApiException.validation(
                        "Invalid KeyConditionExpression: Incorrect operand type for operator or"
                                + " function; operator or function: begins_with, operand type: N");
            }
            checkType(prefix, type);
        }
    }

    private static String brief(AttributeValue v) {
        var node = AttributeJson.write(v);
        var e = node.properties().iterator().next();
        return "{" + e.getKey() + ":" + e.getValue().asText() + "}";
    }

    /** The slice of a partition that the range condition selects. */
    <V> NavigableMap<RowKey, V> slice(NavigableMap<RowKey, V> partition) {
        if (range == null) {
            return partition;
        }
        if (range instanceof Condition.Between b) {
            return partition.subMap(
                    RowKey.lowest(value(b.low())), true, upper(value(b.high())), false);
        }
        if (range instanceof Condition.BeginsWith bw) {
            AttributeValue prefix = value(bw.prefix());
            NavigableMap<RowKey, V> tail = partition.tailMap(RowKey.lowest(prefix), true);
            return filterPrefix(tail, prefix);
        }
        Condition.Compare cmp = (Condition.Compare) range;
        AttributeValue v = value(cmp.right());
        return switch (cmp.op()) {
            case EQ -> partition.subMap(RowKey.lowest(v), true, upper(v), false);
            case LT -> partition.headMap(RowKey.lowest(v), false);
            case LE -> partition.headMap(upper(v), false);
            case GT -> partition.tailMap(upper(v), true);
            default -> partition.tailMap(RowKey.lowest(v), true);
        };
    }

    /** A position after every row whose range value equals v. */
    private static RowKey upper(AttributeValue v) {
        return RowKey.highest(v);
    }

    private static <V> NavigableMap<RowKey, V> filterPrefix(
            NavigableMap<RowKey, V> tail, AttributeValue prefix) {
        RowKey end = null;
        for (RowKey k : tail.keySet()) {
            boolean matches =
                    (k.range() instanceof AttributeValue.S s
                                    && prefix instanceof AttributeValue.S p)
                            ? s.value().startsWith(p.value())
                            : k.range() instanceof AttributeValue.B b
                                    && prefix instanceof AttributeValue.B p2
                                    && b.value().startsWith(p2.value());
            if (!matches) {
                end = k;
                break;
            }
        }
        return end == null ? tail : tail.headMap(end, false);
    }
}
