package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.PathElement;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legacy conditional parameters (Expected, KeyConditions, QueryFilter, ScanFilter,
 * AttributesToGet) translated into the expression AST, so that one evaluator serves both ("Legacy
 * conditional parameters", Developer Guide:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html).
 */
final class LegacyConditions {
    private LegacyConditions() {}

    /** Rejects mixing legacy and expression parameters, as AWS does. */
    static void checkNotMixed(Req r, String legacy, String... expressions) {
        if (!r.has(legacy)) {
            return;
        }
        List<String> used = new ArrayList<>();
        for (String e : expressions) {
            if (r.has(e)) {
                used.add(e);
            }
        }
        if (!used.isEmpty()) {
            throw ApiException.validation(
                    "Can not use both expression and non-expression parameters in the same request:"
                            + " Non-expression parameters: {"
                            + legacy
                            + "} Expression parameters: {"
                            + String.join(", ", used)
                            + "}");
        }
    }

    /** AttributesToGet as a projection of top-level attributes, or null when absent. */
    static List<Operand.Path> attributesToGet(Req r) {
        JsonNode names = r.array("AttributesToGet");
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw Req.constraint(
                    "[]", "attributesToGet", "Member must have length greater than or equal to 1");
        }
        List<Operand.Path> paths = new ArrayList<>();
        for (JsonNode n : names) {
            paths.add(path(n.asText()));
        }
        return paths;
    }

    /** KeyConditions, QueryFilter or ScanFilter (a map of attribute to condition), or null. */
    static Condition conditions(Req r, String field) {
        JsonNode map = r.object(field);
        if (map == null) {
            return null;
        }
        boolean or = "OR".equals(r.enumValue("ConditionalOperator", "AND", "AND", "OR"));
        Condition result = null;
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            Condition c = comparison(e.getKey(), e.getValue());
            result =
                    result == null
                            ? c
                            : or ? new Condition.Or(result, c) : new Condition.And(result, c);
        }
        return result;
    }

    /** Expected (Value/Exists or ComparisonOperator per attribute), or null. */
    static Condition expected(Req r) {
        JsonNode map = r.object("Expected");
        if (map == null) {
            return null;
        }
        boolean or = "OR".equals(r.enumValue("ConditionalOperator", "AND", "AND", "OR"));
        Condition result = null;
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            JsonNode spec = e.getValue();
            Condition c;
            if (spec.has("ComparisonOperator")) {
                c = comparison(e.getKey(), spec);
            } else {
                boolean exists = spec.path("Exists").asBoolean(true);
                if (exists && !spec.has("Value")) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Value must be provided when"
                                    + " Exists is true for Attribute: "
                                    + e.getKey());
                }
                if (!exists && spec.has("Value")) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Value cannot be used when"
                                    + " Exists is false for Attribute: "
                                    + e.getKey());
                }
                c =
                        exists
                                ? new Condition.Compare(
                                        path(e.getKey()),
                                        Condition.Comparator.EQ,
                                        value(spec.get("Value")))
                                : new Condition.NotExists(path(e.getKey()));
            }
            result =
                    result == null
                            ? c
                            : or ? new Condition.Or(result, c) : new Condition.And(result, c);
        }
        return result;
    }

    /** AttributeUpdates (PUT, DELETE, ADD per attribute) as an update expression, or null. */
    static dev.orderflow.dynamodb.internal.expr.UpdateExpression attributeUpdates(Req r) {
        JsonNode map = r.object("AttributeUpdates");
        if (map == null) {
            return null;
        }
        List<dev.orderflow.dynamodb.internal.expr.UpdateExpression.SetAction> sets =
                new ArrayList<>();
        List<Operand.Path> removes = new ArrayList<>();
        List<dev.orderflow.dynamodb.internal.expr.UpdateExpression.AddAction> adds =
                new ArrayList<>();
        List<dev.orderflow.dynamodb.internal.expr.UpdateExpression.AddAction> deletes =
                new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            JsonNode spec = e.getValue();
            String action = spec.path("Action").asText("PUT");
            Operand.Path p = path(e.getKey());
            boolean hasValue = spec.has("Value") && !spec.get("Value").isNull();
            Operand.Value v = hasValue ? (Operand.Value) value(spec.get("Value")) : null;
            switch (action) {
                case "PUT" -> {
                    if (v == null) {
                        throw ApiException.validation(
                                "One or more parameter values were invalid: Only DELETE action is"
                                        + " allowed when no attribute value is specified");
                    }
                    sets.add(
                            new dev.orderflow.dynamodb.internal.expr.UpdateExpression.SetAction(
                                    p, v));
                }
                case "DELETE" -> {
                    if (v == null) {
                        removes.add(p);
                    } else {
                        deletes.add(
                                new dev.orderflow.dynamodb.internal.expr.UpdateExpression.AddAction(
                                        p, v));
                    }
                }
                case "ADD" -> {
                    if (v == null) {
                        throw ApiException.validation(
                                "One or more parameter values were invalid: Only DELETE action is"
                                        + " allowed when no attribute value is specified");
                    }
                    adds.add(
                            new dev.orderflow.dynamodb.internal.expr.UpdateExpression.AddAction(
                                    p, v));
                }
                default ->
                        throw Req.constraint(
                                action,
                                "attributeUpdates.action",
                                "Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        }
        return new dev.orderflow.dynamodb.internal.expr.UpdateExpression(
                sets, removes, adds, deletes, List.of("SET", "REMOVE", "ADD", "DELETE"));
    }

    private static Condition comparison(String attribute, JsonNode spec) {
        String op = spec.path("ComparisonOperator").asText("");
        List<Operand> values = new ArrayList<>();
        spec.path("AttributeValueList").forEach(v -> values.add(value(v)));
        if (values.isEmpty() && spec.has("Value")) {
            // In Expected, a single Value may stand in for the AttributeValueList.
            values.add(value(spec.get("Value")));
        }
        Operand.Path p = path(attribute);
        switch (op) {
            case "EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH" ->
                    count(op, values, 1);
            case "NULL", "NOT_NULL" -> count(op, values, 0);
            case "BETWEEN" -> count(op, values, 2);
            case "IN" -> {
                if (values.isEmpty()) {
                    count(op, values, 1);
                }
            }
            default ->
                    throw Req.constraint(
                            op,
                            "comparisonOperator",
                            "Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT,"
                                    + " NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        }
        return switch (op) {
            case "EQ" -> new Condition.Compare(p, Condition.Comparator.EQ, values.get(0));
            case "NE" -> new Condition.Compare(p, Condition.Comparator.NE, values.get(0));
            case "LE" -> new Condition.Compare(p, Condition.Comparator.LE, values.get(0));
            case "LT" -> new Condition.Compare(p, Condition.Comparator.LT, values.get(0));
            case "GE" -> new Condition.Compare(p, Condition.Comparator.GE, values.get(0));
            case "GT" -> new Condition.Compare(p, Condition.Comparator.GT, values.get(0));
            case "CONTAINS" -> new Condition.Contains(p, values.get(0));
            case "NOT_CONTAINS" -> new Condition.Not(new Condition.Contains(p, values.get(0)));
            case "BEGINS_WITH" -> new Condition.BeginsWith(p, values.get(0));
            case "NULL" -> new Condition.NotExists(p);
            case "NOT_NULL" -> new Condition.Exists(p);
            case "BETWEEN" -> new Condition.Between(p, values.get(0), values.get(1));
            default -> new Condition.In(p, values);
        };
    }

    private static void count(String op, List<Operand> values, int expected) {
        if (values.size() != expected) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Invalid number of argument(s) for the "
                            + op
                            + " ComparisonOperator");
        }
    }

    private static Operand.Path path(String name) {
        return new Operand.Path(List.of(new PathElement.Name(name)));
    }

    private static Operand value(JsonNode v) {
        AttributeValue av = AttributeJson.read(v);
        return new Operand.Value("legacy", av);
    }
}
