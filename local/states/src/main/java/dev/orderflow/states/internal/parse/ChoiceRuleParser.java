package dev.orderflow.states.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.model.ChoiceRule;
import dev.orderflow.states.internal.paths.JsonPath;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Parses and checks Choice rules (ASL spec "Choice Rules"). */
final class ChoiceRuleParser {
    static final Set<String> VALUE_OPERATORS =
            Set.of(
                    "StringEquals",
                    "StringLessThan",
                    "StringGreaterThan",
                    "StringLessThanEquals",
                    "StringGreaterThanEquals",
                    "StringMatches",
                    "NumericEquals",
                    "NumericLessThan",
                    "NumericGreaterThan",
                    "NumericLessThanEquals",
                    "NumericGreaterThanEquals",
                    "BooleanEquals",
                    "TimestampEquals",
                    "TimestampLessThan",
                    "TimestampGreaterThan",
                    "TimestampLessThanEquals",
                    "TimestampGreaterThanEquals",
                    "IsNull",
                    "IsPresent",
                    "IsNumeric",
                    "IsString",
                    "IsBoolean",
                    "IsTimestamp");

    private static final Set<String> PATH_OPERATORS =
            Set.of(
                    "StringEqualsPath",
                    "StringLessThanPath",
                    "StringGreaterThanPath",
                    "StringLessThanEqualsPath",
                    "StringGreaterThanEqualsPath",
                    "NumericEqualsPath",
                    "NumericLessThanPath",
                    "NumericGreaterThanPath",
                    "NumericLessThanEqualsPath",
                    "NumericGreaterThanEqualsPath",
                    "BooleanEqualsPath",
                    "TimestampEqualsPath",
                    "TimestampLessThanPath",
                    "TimestampGreaterThanPath",
                    "TimestampLessThanEqualsPath",
                    "TimestampGreaterThanEqualsPath");

    private final List<Diagnostic> diags;

    ChoiceRuleParser(List<Diagnostic> diags) {
        this.diags = diags;
    }

    /** Parses a rule; {@code top} rules carry Next (checked by the caller). */
    ChoiceRule rule(JsonNode node, String loc, boolean jsonata) {
        if (!node.isObject()) {
            schema("The value of a choice rule must be an object", loc);
            return new ChoiceRule.And(List.of());
        }
        if (jsonata) {
            JsonNode condition = node.get("Condition");
            if (condition == null) {
                schema("These fields are required: [Condition]", loc);
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!Set.of("Condition", "Next", "Comment", "Assign", "Output").contains(f)) {
                    schema("The field \"" + f + "\" is not supported by Step Functions", loc);
                }
            }
            return new ChoiceRule.Condition(condition);
        }
        List<String> operators = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (VALUE_OPERATORS.contains(f)
                    || PATH_OPERATORS.contains(f)
                    || f.equals("And")
                    || f.equals("Or")
                    || f.equals("Not")) {
                operators.add(f);
            } else if (!Set.of("Variable", "Next", "Comment", "Assign").contains(f)) {
                schema("The field \"" + f + "\" is not supported by Step Functions", loc);
            }
        }
        if (operators.size() != 1) {
            schema("A choice rule must have exactly one comparison operator or And/Or/Not", loc);
            return new ChoiceRule.And(List.of());
        }
        String op = operators.get(0);
        JsonNode value = node.get(op);
        switch (op) {
            case "And", "Or" -> {
                if (!value.isArray() || value.isEmpty()) {
                    schema(
                            "The value of the field '" + op + "' must be a non-empty array",
                            loc + "/" + op);
                    return new ChoiceRule.And(List.of());
                }
                List<ChoiceRule> rules = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    rules.add(rule(value.get(i), loc + "/" + op + "[" + i + "]", false));
                }
                return op.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
            }
            case "Not" -> {
                return new ChoiceRule.Not(rule(value, loc + "/Not", false));
            }
            default -> {
                JsonNode variable = node.get("Variable");
                JsonPath varPath = path(variable, loc + "/Variable", "Variable");
                if (variable == null) {
                    schema("These fields are required: [Variable]", loc);
                }
                if (PATH_OPERATORS.contains(op)) {
                    JsonPath vp = path(value, loc + "/" + op, op);
                    return new ChoiceRule.Comparison(varPath, op, null, vp);
                }
                checkValueType(op, value, loc + "/" + op);
                return new ChoiceRule.Comparison(varPath, op, value, null);
            }
        }
    }

    private JsonPath path(JsonNode node, String loc, String field) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            schema("The value for the field '" + field + "' must be a STRING", loc);
            return null;
        }
        try {
            return JsonPath.parse(node.asText());
        } catch (IllegalArgumentException e) {
            schema("The value for the field '" + field + "' must be a valid JSONPath", loc);
            return null;
        }
    }

    private void checkValueType(String op, JsonNode value, String loc) {
        boolean ok;
        String expected;
        if (op.startsWith("Is")) {
            ok = value.isBoolean();
            expected = "BOOLEAN";
        } else if (op.startsWith("String")) {
            ok = value.isTextual();
            expected = "STRING";
        } else if (op.startsWith("Numeric")) {
            ok = value.isNumber();
            expected = "NUMBER";
        } else if (op.startsWith("Boolean")) {
            ok = value.isBoolean();
            expected = "BOOLEAN";
        } else {
            ok = value.isTextual() && isTimestamp(value.asText());
            expected = "a valid RFC3339 timestamp STRING";
        }
        if (!ok) {
            schema("The value for the field '" + op + "' must be " + expected, loc);
        }
    }

    static boolean isTimestamp(String s) {
        try {
            OffsetDateTime.parse(s);
            return s.length() >= 20 && s.charAt(10) == 'T';
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void schema(String message, String loc) {
        diags.add(Diagnostic.error("SCHEMA_VALIDATION_FAILED", message, loc));
    }
}
