package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.ExpressionParser;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DynamoDB's checks of a request's expressions, in its order: expression and legacy parameters are
 * not mixed, placeholders are only given with expressions, names and values are well formed, then
 * each expression parses (update, condition, key condition, filter, projection) and every
 * placeholder is used.
 */
final class ExpressionRules {
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");
    private static final String[] PARSE_ORDER = {
        "UpdateExpression",
        "ConditionExpression",
        "KeyConditionExpression",
        "FilterExpression",
        "ProjectionExpression"
    };

    private ExpressionRules() {}

    /**
     * Expression and non-expression parameters must not be mixed, and placeholders need an
     * expression that can use them.
     */
    static void params(JsonNode data, List<String> expressions, List<String> nonExpressions) {
        if (!anyExpression(data)) {
            return;
        }
        List<String> usedExpressions = present(data, expressions);
        if (!usedExpressions.isEmpty()) {
            List<String> legacy = new ArrayList<>(nonExpressions);
            // Legacy KeyConditions may go with a filter or projection expression.
            if (has(data, "KeyConditions") && !has(data, "KeyConditionExpression")) {
                legacy.remove("KeyConditions");
            }
            List<String> usedLegacy = present(data, legacy);
            if (!usedLegacy.isEmpty()) {
                throw ApiException.validation(
                        "Can not use both expression and non-expression parameters in the same"
                                + " request: Non-expression parameters: {"
                                + String.join(", ", usedLegacy)
                                + "} Expression parameters: {"
                                + String.join(", ", usedExpressions)
                                + "}");
            }
        }
        if (has(data, "ExpressionAttributeNames") && usedExpressions.isEmpty()) {
            throw ApiException.validation(
                    "ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = new ArrayList<>(expressions);
        valueExpressions.remove("ProjectionExpression");
        if (!valueExpressions.isEmpty()
                && has(data, "ExpressionAttributeValues")
                && present(data, valueExpressions).isEmpty()) {
            throw ApiException.validation(
                    "ExpressionAttributeValues can only be specified when using expressions: "
                            + String.join(" and ", valueExpressions)
                            + (valueExpressions.size() > 1 ? " are null" : " is null"));
        }
    }

    /** The placeholders of a request and its parsed expressions by kind. */
    record Parsed(ExpressionContext context, Map<String, Object> expressions) {
        /** A request without expressions or placeholders. */
        static final Parsed NONE = new Parsed(ExpressionContext.empty(), Map.of());

        Condition keyCondition() {
            return (Condition) expressions.get("KeyConditionExpression");
        }
    }

    /** Checks the placeholders, then parses every expression of the request in DynamoDB's order. */
    static Parsed parse(JsonNode data) {
        ExpressionContext context = context(data);
        Map<String, Object> parsed = new java.util.HashMap<>(4);
        for (String kind : PARSE_ORDER) {
            JsonNode text = data.get(kind);
            if (text == null || text.isNull()) {
                continue;
            }
            if (text.textValue().isEmpty()) {
                throw ApiException.validation(
                        "Invalid " + kind + ": The expression can not be empty;");
            }
            switch (kind) {
                case "UpdateExpression" ->
                        parsed.put(kind, ExpressionParser.parseUpdate(text.textValue(), context));
                case "ProjectionExpression" ->
                        parsed.put(
                                kind, ExpressionParser.parseProjection(text.textValue(), context));
                default ->
                        parsed.put(
                                kind,
                                ExpressionParser.parseCondition(text.textValue(), kind, context));
            }
        }
        context.checkAllUsed();
        return new Parsed(context, parsed);
    }

    private static ExpressionContext context(JsonNode data) {
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode nameNode = data.get("ExpressionAttributeNames");
        if (nameNode != null && !nameNode.isNull()) {
            if (nameNode.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeNames must not be empty");
            }
            for (Map.Entry<String, JsonNode> e : nameNode.properties()) {
                if (!NAME_KEY.matcher(e.getKey()).matches()) {
                    throw invalidKey("ExpressionAttributeNames", e.getKey());
                }
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        JsonNode valueNode = data.get("ExpressionAttributeValues");
        if (valueNode != null && !valueNode.isNull()) {
            if (valueNode.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeValues must not be empty");
            }
            for (Map.Entry<String, JsonNode> e : valueNode.properties()) {
                if (!VALUE_KEY.matcher(e.getKey()).matches()) {
                    throw invalidKey("ExpressionAttributeValues", e.getKey());
                }
            }
            for (Map.Entry<String, JsonNode> e : valueNode.properties()) {
                try {
                    values.put(e.getKey(), AttributeJson.read(e.getValue()));
                } catch (ApiException invalid) {
                    throw ApiException.validation(
                            "ExpressionAttributeValues contains invalid value: "
                                    + invalid.getMessage()
                                    + " for key "
                                    + e.getKey());
                }
            }
        }
        return new ExpressionContext(names, values);
    }

    private static ApiException invalidKey(String field, String key) {
        return ApiException.validation(
                field + " contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    private static List<String> present(JsonNode data, List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (has(data, f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether the request has any expression or placeholder to parse. */
    static boolean anyExpression(JsonNode data) {
        for (String kind : PARSE_ORDER) {
            if (has(data, kind)) {
                return true;
            }
        }
        return has(data, "ExpressionAttributeNames") || has(data, "ExpressionAttributeValues");
    }

    static boolean has(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v != null && !v.isNull();
    }
}
