package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second phase of parsing an expression, after its syntax is known to be right: resolves {@code
 * #name} and {@code :value} placeholders and applies DynamoDB's checks of meaning, node by node
 * from left to right, so that the first problem in the expression is the one reported: operands
 * that must be document paths, operand types of functions and arithmetic, and operators whose first
 * operand repeats in the others.
 */
final class ExpressionResolver {
    private static final String VALID_TYPES = "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}";
    private static final Set<String> TYPE_NAMES =
            Set.of("B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M");

    /** The names DynamoDB gives value types in ADD and DELETE errors. */
    private static final Map<String, String> LONG_TYPE_NAMES =
            Map.of(
                    "S", "STRING",
                    "N", "NUMBER",
                    "B", "BINARY",
                    "BOOL", "BOOLEAN",
                    "NULL", "NULL",
                    "M", "MAP",
                    "L", "LIST");

    private final ExpressionContext ctx;
    private final String kind;

    ExpressionResolver(ExpressionContext ctx, String kind) {
        this.ctx = ctx;
        this.kind = kind;
    }

    Condition condition(Condition c) {
        if (c instanceof Condition.And a) {
            Condition left = condition(a.left());
            return new Condition.And(left, condition(a.right()));
        }
        if (c instanceof Condition.Or o) {
            Condition left = condition(o.left());
            return new Condition.Or(left, condition(o.right()));
        }
        if (c instanceof Condition.Not n) {
            return new Condition.Not(condition(n.inner()));
        }
        if (c instanceof Condition.Compare cmp) {
            Operand left = operand(cmp.left());
            Operand right = operand(cmp.right());
            distinct(cmp.op().symbol, left, List.of(right));
            return new Condition.Compare(left, cmp.op(), right);
        }
        if (c instanceof Condition.Between b) {
            Operand value = operand(b.value());
            Operand low = operand(b.low());
            Operand high = operand(b.high());
            distinct("BETWEEN", value, List.of(low, high));
            bounds(low, high);
            return new Condition.Between(value, low, high);
        }
        if (c instanceof Condition.In in) {
            Operand value = operand(in.value());
            List<Operand> candidates = new ArrayList<>();
            in.candidates().forEach(o -> candidates.add(operand(o)));
            distinct("IN", value, candidates);
            return new Condition.In(value, candidates);
        }
        if (c instanceof Condition.Call call) {
            return function(call);
        }
        return c;
    }

    private Condition function(Condition.Call call) {
        String fn = call.function();
        List<Operand> args = new ArrayList<>();
        call.args().forEach(o -> args.add(operand(o)));
        arity(fn, args, fn.equals("attribute_exists") || fn.equals("attribute_not_exists") ? 1 : 2);
        switch (fn) {
            case "attribute_exists", "attribute_not_exists" -> {
                Operand.Path path = requirePath(fn, args.get(0));
                return fn.equals("attribute_exists")
                        ? new Condition.Exists(path)
                        : new Condition.NotExists(path);
            }
            case "attribute_type" -> {
                Operand.Path path = requirePath(fn, args.get(0));
                String type = literalType(args.get(1));
                if (type != null && !type.equals("S")) {
                    throw operandType(fn, type);
                }
                if (args.get(1) instanceof Operand.Value v
                        && !TYPE_NAMES.contains(((AttributeValue.S) v.value()).value())) {
                    throw error(
                            "Invalid attribute type name found; type: "
                                    + ((AttributeValue.S) v.value()).value()
                                    + ", valid types: "
                                    + VALID_TYPES);
                }
                distinct(fn, path, List.of(args.get(1)));
                return new Condition.TypeIs(path, args.get(1));
            }
            case "begins_with" -> {
                for (Operand o : args) {
                    String type = literalType(o);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        throw operandType(fn, type);
                    }
                }
                distinct(fn, args.get(0), List.of(args.get(1)));
                return new Condition.BeginsWith(args.get(0), args.get(1));
            }
            default -> {
                distinct(fn, args.get(0), List.of(args.get(1)));
                return new Condition.Contains(args.get(0), args.get(1));
            }
        }
    }

    /**
     * Resolves an update in DynamoDB's order: the paths it writes (which must neither overlap nor
     * conflict), then the ADD and DELETE values, then the SET values.
     */
    UpdateExpression update(UpdateExpression u) {
        List<UpdateExpression.SetAction> targets = new ArrayList<>();
        u.sets()
                .forEach(
                        set ->
                                targets.add(
                                        new UpdateExpression.SetAction(
                                                path(set.path()), set.value())));
        List<Operand.Path> removes = new ArrayList<>();
        u.removes().forEach(p -> removes.add(path(p)));
        List<UpdateExpression.AddAction> adds = new ArrayList<>();
        u.adds().forEach(a -> adds.add(new UpdateExpression.AddAction(path(a.path()), a.value())));
        List<UpdateExpression.AddAction> deletes = new ArrayList<>();
        u.deletes()
                .forEach(
                        d ->
                                deletes.add(
                                        new UpdateExpression.AddAction(path(d.path()), d.value())));
        PathOverlap.check(
                new UpdateExpression(targets, removes, adds, deletes, u.sectionOrder()).allPaths(),
                "UpdateExpression");
        List<UpdateExpression.AddAction> resolvedAdds = addActions("ADD", adds);
        List<UpdateExpression.AddAction> resolvedDeletes = addActions("DELETE", deletes);
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        for (UpdateExpression.SetAction set : targets) {
            sets.add(new UpdateExpression.SetAction(set.path(), setValue(set.value())));
        }
        return new UpdateExpression(sets, removes, resolvedAdds, resolvedDeletes, u.sectionOrder());
    }

    private List<UpdateExpression.AddAction> addActions(
            String section, List<UpdateExpression.AddAction> actions) {
        List<UpdateExpression.AddAction> out = new ArrayList<>();
        for (UpdateExpression.AddAction action : actions) {
            Operand.Path target = action.path();
            Operand.Value value = (Operand.Value) operand(action.value());
            String type = value.value().typeTag();
            boolean allowed =
                    section.equals("ADD")
                            ? type.equals("N") || (type.endsWith("S") && type.length() == 2)
                            : type.length() == 2 && type.endsWith("S");
            if (!allowed) {
                throw error(
                        "Incorrect operand type for operator or function; operator: "
                                + section
                                + ", operand type: "
                                + LONG_TYPE_NAMES.getOrDefault(type, type));
            }
            out.add(new UpdateExpression.AddAction(target, value));
        }
        return out;
    }

    private Operand setValue(Operand o) {
        if (o instanceof Operand.Arithmetic a) {
            Operand left = setValue(a.left());
            Operand right = setValue(a.right());
            String symbol = a.plus() ? "+" : "-";
            for (Operand side : List.of(left, right)) {
                String type = literalType(side);
                if (type != null && !type.equals("N")) {
                    throw operandType(symbol, type);
                }
            }
            return new Operand.Arithmetic(left, a.plus(), right);
        }
        if (o instanceof Operand.Call call && !call.function().equals("size")) {
            List<Operand> args = new ArrayList<>();
            call.args().forEach(a -> args.add(setValue(a)));
            arity(call.function(), args, 2);
            if (call.function().equals("list_append")) {
                for (Operand side : args) {
                    String type = literalType(side);
                    if (type != null && !type.equals("L")) {
                        throw operandType("list_append", type);
                    }
                }
                return new Operand.ListAppend(args.get(0), args.get(1));
            }
            return new Operand.IfNotExists(requirePath("if_not_exists", args.get(0)), args.get(1));
        }
        return operand(o);
    }

    Operand operand(Operand o) {
        if (o instanceof Operand.Path p) {
            return path(p);
        }
        if (o instanceof Operand.Value v) {
            return v.value() != null ? v : new Operand.Value(v.ref(), ctx.value(v.ref(), kind));
        }
        if (o instanceof Operand.Call call && call.function().equals("size")) {
            List<Operand> args = new ArrayList<>();
            call.args().forEach(a -> args.add(operand(a)));
            arity("size", args, 1);
            Operand inner = args.get(0);
            String type = literalType(inner);
            if (type != null && Set.of("N", "BOOL", "NULL").contains(type)) {
                throw operandType("size", type);
            }
            return new Operand.Size(inner);
        }
        return o;
    }

    /** A path with its {@code #name} placeholders replaced by the names they stand for. */
    Operand.Path path(Operand.Path p) {
        List<PathElement> elements = new ArrayList<>(p.elements().size());
        boolean changed = false;
        for (PathElement e : p.elements()) {
            if (e instanceof PathElement.Name n && n.name().startsWith("#")) {
                elements.add(new PathElement.Name(ctx.name(n.name(), kind)));
                changed = true;
            } else {
                elements.add(e);
            }
        }
        return changed ? new Operand.Path(elements) : p;
    }

    /** The type an operand is known to have before evaluation: a value's, or N for size(). */
    private static String literalType(Operand o) {
        if (o instanceof Operand.Value v) {
            return v.value().typeTag();
        }
        if (o instanceof Operand.Size) {
            return "N";
        }
        return null;
    }

    private Operand.Path requirePath(String fn, Operand o) {
        if (o instanceof Operand.Path p) {
            return p;
        }
        throw error("Operator or function requires a document path; operator or function: " + fn);
    }

    /** DynamoDB refuses an operator whose first operand also appears among the others. */
    private void distinct(String operator, Operand first, List<Operand> others) {
        for (Operand other : others) {
            if (first.equals(other)) {
                throw error(
                        "The first operand must be distinct from the remaining operands for this"
                                + " operator or function; operator: "
                                + operator
                                + ", first operand: "
                                + first);
            }
        }
    }

    /** Literal BETWEEN bounds must have one type and be in order. */
    private void bounds(Operand low, Operand high) {
        if (!(low instanceof Operand.Value lo) || !(high instanceof Operand.Value hi)) {
            return;
        }
        String shown =
                "lower bound operand: AttributeValue: "
                        + brief(lo.value())
                        + ", upper bound operand: AttributeValue: "
                        + brief(hi.value());
        if (!lo.value().typeTag().equals(hi.value().typeTag())) {
            throw error(
                    "The BETWEEN operator requires same data type for lower and upper bounds; "
                            + shown);
        }
        if (dev.orderflow.dynamodb.internal.value.Items.compareKeys(lo.value(), hi.value()) > 0) {
            throw error(
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower"
                            + " bound; "
                            + shown);
        }
    }

    /** A scalar as DynamoDB prints it in messages, e.g. {@code {S:a}}. */
    private static String brief(AttributeValue v) {
        var e =
                dev.orderflow.dynamodb.internal.value.AttributeJson.write(v)
                        .properties()
                        .iterator()
                        .next();
        return "{" + e.getKey() + ":" + e.getValue().asText() + "}";
    }

    private void arity(String fn, List<Operand> args, int expected) {
        if (args.size() != expected) {
            throw error(
                    "Incorrect number of operands for operator or function; operator or function: "
                            + fn
                            + ", number of operands: "
                            + args.size());
        }
    }

    private ApiException operandType(String function, String type) {
        return error(
                "Incorrect operand type for operator or function; operator or function: "
                        + function
                        + ", operand type: "
                        + type);
    }

    private ApiException error(String message) {
        return ApiException.validation("Invalid " + kind + ": " + message);
    }
}
