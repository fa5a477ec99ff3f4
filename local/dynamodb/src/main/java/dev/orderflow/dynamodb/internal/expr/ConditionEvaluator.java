package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.Items;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates conditions against an item, following "Condition and filter expressions, operators, and
 * functions" in the DynamoDB Developer Guide: comparisons with a missing operand or operands of
 * different types are false (and {@code <>} is then true).
 */
public final class ConditionEvaluator {
    private static final Set<String> TYPES =
            Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private ConditionEvaluator() {}

    /** True if the (possibly empty) item satisfies the condition. */
    public static boolean test(Condition c, Map<String, AttributeValue> item) {
        // Java 17 has no pattern-matching switch; an instanceof chain over the sealed type.
        if (c instanceof Condition.And a) {
            return test(a.left(), item) && test(a.right(), item);
        } else if (c instanceof Condition.Or o) {
            return test(o.left(), item) || test(o.right(), item);
        } else if (c instanceof Condition.Not n) {
            return !test(n.inner(), item);
        } else if (c instanceof Condition.Compare cmp) {
            return compare(value(cmp.left(), item), cmp.op(), value(cmp.right(), item));
        } else if (c instanceof Condition.Between b) {
            return between(value(b.value(), item), value(b.low(), item), value(b.high(), item));
        } else if (c instanceof Condition.In in) {
            return in(value(in.value(), item), in, item);
        } else if (c instanceof Condition.Exists e) {
            return DocumentPaths.get(item, e.path()) != null;
        } else if (c instanceof Condition.NotExists e) {
            return DocumentPaths.get(item, e.path()) == null;
        } else if (c instanceof Condition.TypeIs t) {
            return typeIs(DocumentPaths.get(item, t.path()), value(t.type(), item));
        } else if (c instanceof Condition.BeginsWith bw) {
            return beginsWith(value(bw.value(), item), value(bw.prefix(), item));
        } else if (c instanceof Condition.Contains ct) {
            return contains(value(ct.container(), item), value(ct.element(), item));
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    /** Evaluates an operand of a condition; null when the attribute is missing. */
    public static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
        if (o instanceof Operand.Path p) {
            return DocumentPaths.get(item, p);
        } else if (o instanceof Operand.Value v) {
            return v.value();
        } else if (o instanceof Operand.Size s) {
            return size(value(s.operand(), item));
        }
        throw new IllegalStateException("update-only operand " + o);
    }

    private static AttributeValue size(AttributeValue v) {
        long n;
        if (v instanceof AttributeValue.S s) {
            n = s.value().length();
        } else if (v instanceof AttributeValue.B b) {
            n = b.value().length();
        } else if (v instanceof AttributeValue.SS s) {
            n = s.values().size();
        } else if (v instanceof AttributeValue.NS s) {
            n = s.values().size();
        } else if (v instanceof AttributeValue.BS s) {
            n = s.values().size();
        } else if (v instanceof AttributeValue.L l) {
            n = l.values().size();
        } else if (v instanceof AttributeValue.M m) {
            n = m.values().size();
        } else {
            return null;
        }
        return new AttributeValue.N(BigDecimal.valueOf(n));
    }

    static boolean compare(AttributeValue l, Condition.Comparator op, AttributeValue r) {
        if (op == Condition.Comparator.EQ) {
            return l != null && l.equals(r);
        }
        if (op == Condition.Comparator.NE) {
            return l == null || !l.equals(r);
        }
        if (!orderable(l, r)) {
            return false;
        }
        int c = Items.compareKeys(l, r);
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    private static boolean orderable(AttributeValue l, AttributeValue r) {
        return l != null
                && r != null
                && l.getClass() == r.getClass()
                && (l instanceof AttributeValue.S
                        || l instanceof AttributeValue.N
                        || l instanceof AttributeValue.B);
    }

    private static boolean between(AttributeValue v, AttributeValue lo, AttributeValue hi) {
        return orderable(v, lo)
                && orderable(v, hi)
                && Items.compareKeys(v, lo) >= 0
                && Items.compareKeys(v, hi) <= 0;
    }

    private static boolean in(AttributeValue v, Condition.In in, Map<String, AttributeValue> item) {
        if (v == null) {
            return false;
        }
        for (Operand o : in.candidates()) {
            if (v.equals(value(o, item))) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeIs(AttributeValue v, AttributeValue type) {
        if (!(type instanceof AttributeValue.S s) || !TYPES.contains(s.value())) {
            String shown = type instanceof AttributeValue.S s2 ? s2.value() : String.valueOf(type);
            throw ApiException.validation(
                    "Invalid ConditionExpression: Invalid attribute type name found; type: "
                            + shown
                            + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        }
        return v != null && v.typeTag().equals(s.value());
    }

    private static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
        if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (v instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            return b.value().startsWith(p.value());
        }
        return false;
    }

    private static boolean contains(AttributeValue c, AttributeValue e) {
        if (c == null || e == null) {
            return false;
        }
        if (c instanceof AttributeValue.S s && e instanceof AttributeValue.S p) {
            return s.value().contains(p.value());
        }
        if (c instanceof AttributeValue.B b && e instanceof AttributeValue.B p) {
            return b.value().contains(p.value());
        }
        if (c instanceof AttributeValue.SS ss && e instanceof AttributeValue.S p) {
            return ss.values().contains(p.value());
        }
        if (c instanceof AttributeValue.NS ns && e instanceof AttributeValue.N p) {
            return ns.values().contains(p.value());
        }
        if (c instanceof AttributeValue.BS bs && e instanceof AttributeValue.B p) {
            return bs.values().contains(p.value());
        }
        if (c instanceof AttributeValue.L l) {
            return l.values().contains(e);
        }
        return false;
    }
}
