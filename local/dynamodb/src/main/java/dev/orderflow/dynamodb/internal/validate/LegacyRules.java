package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.KeyTerm;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.AttributeValueRules;
import dev.orderflow.dynamodb.internal.value.Items;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's checks of the legacy conditional parameters: {@code KeyConditions}, {@code
 * QueryFilter} and {@code ScanFilter} (a condition per attribute), and {@code Expected}. See
 * "Legacy conditional parameters" in the Developer Guide.
 */
final class LegacyRules {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Map<String, int[]> ARGUMENTS =
            Map.ofEntries(
                    Map.entry("NULL", new int[] {0, 0}),
                    Map.entry("NOT_NULL", new int[] {0, 0}),
                    Map.entry("EQ", new int[] {1, 1}),
                    Map.entry("NE", new int[] {1, 1}),
                    Map.entry("LE", new int[] {1, 1}),
                    Map.entry("LT", new int[] {1, 1}),
                    Map.entry("GE", new int[] {1, 1}),
                    Map.entry("GT", new int[] {1, 1}),
                    Map.entry("CONTAINS", new int[] {1, 1}),
                    Map.entry("NOT_CONTAINS", new int[] {1, 1}),
                    Map.entry("BEGINS_WITH", new int[] {1, 1}),
                    Map.entry("IN", new int[] {1, Integer.MAX_VALUE}),
                    Map.entry("BETWEEN", new int[] {2, 2}));
    private static final Set<String> SCALARS_AND_SETS = Set.of("S", "N", "B", "SS", "NS", "BS");
    private static final Set<String> SCALARS = Set.of("S", "N", "B");
    private static final Map<String, Set<String>> TYPES =
            Map.ofEntries(
                    Map.entry("EQ", SCALARS_AND_SETS),
                    Map.entry("NE", SCALARS_AND_SETS),
                    Map.entry("LE", SCALARS),
                    Map.entry("LT", SCALARS),
                    Map.entry("GE", SCALARS),
                    Map.entry("GT", SCALARS),
                    Map.entry("CONTAINS", SCALARS),
                    Map.entry("NOT_CONTAINS", SCALARS),
                    Map.entry("BEGINS_WITH", Set.of("S", "B")),
                    Map.entry("IN", SCALARS),
                    Map.entry("BETWEEN", SCALARS));

    private LegacyRules() {}

    /** KeyConditions, QueryFilter or ScanFilter. */
    static void conditions(JsonNode conditions) {
        if (conditions == null || conditions.isNull()) {
            return;
        }
        for (JsonNode condition : conditions) {
            String operator = condition.path("ComparisonOperator").asText();
            JsonNode values = condition.path("AttributeValueList");
            int count = values.isArray() ? values.size() : 0;
            for (JsonNode v : values) {
                AttributeValueRules.check(v);
            }
            argumentCount(operator, count);
            if (count > 0) {
                sameType(values);
                Set<String> allowed = TYPES.get(operator);
                for (JsonNode v : values) {
                    String type = type(v);
                    if (allowed != null && !allowed.contains(type)) {
                        throw ApiException.validation(
                                INVALID
                                        + "ComparisonOperator "
                                        + operator
                                        + " is not valid for "
                                        + type
                                        + " AttributeValue type");
                    }
                }
                between(operator, values);
            }
        }
    }

    /** Legacy KeyConditions as key terms (values already checked by {@link #conditions}). */
    static Map<String, KeyTerm> terms(JsonNode keyConditions) {
        Map<String, KeyTerm> terms = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : keyConditions.properties()) {
            List<AttributeValue> values = new java.util.ArrayList<>();
            e.getValue().path("AttributeValueList").forEach(v -> values.add(AttributeJson.read(v)));
            terms.put(
                    e.getKey(),
                    new KeyTerm(e.getValue().path("ComparisonOperator").asText(), values));
        }
        return terms;
    }

    /** Expected: each attribute's condition, legacy Exists/Value form or operator form. */
    static void expected(JsonNode expected) {
        if (expected == null || expected.isNull()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            String key = e.getKey();
            JsonNode c = e.getValue();
            boolean hasList = ExpressionRules.has(c, "AttributeValueList");
            boolean hasValue = ExpressionRules.has(c, "Value");
            boolean hasOperator = ExpressionRules.has(c, "ComparisonOperator");
            boolean hasExists = ExpressionRules.has(c, "Exists");
            if (hasList && hasValue) {
                throw ApiException.validation(
                        INVALID
                                + "Value and AttributeValueList cannot be used together for Attribute: "
                                + key);
            }
            if (hasOperator) {
                String operator = c.get("ComparisonOperator").asText();
                if (hasExists) {
                    throw ApiException.validation(
                            INVALID
                                    + "Exists and ComparisonOperator cannot be used together for Attribute: "
                                    + key);
                }
                if (!operator.equals("NULL")
                        && !operator.equals("NOT_NULL")
                        && !hasList
                        && !hasValue) {
                    throw ApiException.validation(
                            INVALID
                                    + "Value or AttributeValueList must be used with ComparisonOperator: "
                                    + operator
                                    + " for Attribute: "
                                    + key);
                }
                int count = hasList ? c.get("AttributeValueList").size() : hasValue ? 1 : 0;
                argumentCount(operator, count);
                if (hasList && count > 0) {
                    sameType(c.get("AttributeValueList"));
                    between(operator, c.get("AttributeValueList"));
                }
            } else if (hasList) {
                throw ApiException.validation(
                        INVALID
                                + "AttributeValueList can only be used with a ComparisonOperator for Attribute: "
                                + key);
            } else {
                boolean exists = !hasExists || c.get("Exists").asBoolean();
                if (exists && !hasValue) {
                    throw ApiException.validation(
                            INVALID
                                    + "Value must be provided when Exists is "
                                    + (hasExists ? "true" : "null")
                                    + " for Attribute: "
                                    + key);
                }
                if (!exists && hasValue) {
                    throw ApiException.validation(
                            INVALID
                                    + "Value cannot be used when Exists is false for Attribute: "
                                    + key);
                }
                if (hasValue) {
                    AttributeValueRules.check(c.get("Value"));
                }
            }
        }
    }

    /** Each comparison operator takes a fixed number of values (IN: one or more). */
    private static void argumentCount(String operator, int count) {
        int[] range = ARGUMENTS.get(operator);
        if (range != null && (count < range[0] || count > range[1])) {
            throw ApiException.validation(
                    INVALID
                            + "Invalid number of argument(s) for the "
                            + operator
                            + " ComparisonOperator");
        }
    }

    private static void sameType(JsonNode values) {
        String first = type(values.get(0));
        for (JsonNode v : values) {
            if (!type(v).equals(first)) {
                throw ApiException.validation(
                        INVALID + "AttributeValues inside AttributeValueList must be of same type");
            }
        }
    }

    private static void between(String operator, JsonNode values) {
        if (operator.equals("BETWEEN")
                && Items.compareKeys(
                                AttributeJson.read(values.get(0)),
                                AttributeJson.read(values.get(1)))
                        > 0) {
            throw ApiException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than"
                            + " the upper bound");
        }
    }

    private static String type(JsonNode value) {
        List<Map.Entry<String, JsonNode>> types = AttributeValueRules.types(value);
        return types.isEmpty() ? "" : types.get(0).getKey();
    }
}
