package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.Req;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One member constraint and DynamoDB's text for its violation. */
record Check(
        Kind kind,
        String text,
        BigDecimal number,
        Pattern pattern,
        List<String> values,
        List<Check> nested) {

    enum Kind {
        REQUIRED,
        TABLE_NAME,
        NOT_NULL,
        REGEX,
        MIN_LENGTH,
        MAX_LENGTH,
        MIN,
        MAX,
        ENUM,
        KEYS,
        VALUES
    }

    static Check of(JsonNode c) {
        String kind = c.get(0).asText();
        JsonNode arg = c.get(1);
        return switch (kind) {
            case "required" -> simple(Kind.REQUIRED);
            case "tableName" -> simple(Kind.TABLE_NAME);
            case "notNull" -> simple(Kind.NOT_NULL);
            case "regex" ->
                    new Check(
                            Kind.REGEX,
                            arg.asText(),
                            null,
                            Pattern.compile(arg.asText()),
                            List.of(),
                            List.of());
            case "minLength" -> number(Kind.MIN_LENGTH, arg);
            case "maxLength" -> number(Kind.MAX_LENGTH, arg);
            case "min" -> number(Kind.MIN, arg);
            case "max" -> number(Kind.MAX, arg);
            case "enum" -> {
                List<String> values = new ArrayList<>();
                arg.forEach(v -> values.add(v.asText()));
                yield new Check(Kind.ENUM, null, null, null, values, List.of());
            }
            case "keys", "values" -> {
                List<Check> nested = new ArrayList<>();
                for (JsonNode n : arg.path("checks")) {
                    nested.add(of(n));
                }
                yield new Check(
                        kind.equals("keys") ? Kind.KEYS : Kind.VALUES,
                        null,
                        null,
                        null,
                        List.of(),
                        nested);
            }
            default -> throw new IllegalStateException("unknown constraint " + kind);
        };
    }

    private static Check simple(Kind kind) {
        return new Check(kind, null, null, null, List.of(), List.of());
    }

    private static Check number(Kind kind, JsonNode arg) {
        return new Check(kind, null, arg.decimalValue(), null, List.of(), List.of());
    }

    /** DynamoDB's text for this constraint, e.g. "Member must not be null". */
    String constraint() {
        return switch (kind) {
            case NOT_NULL -> "Member must not be null";
            case REGEX -> "Member must satisfy regular expression pattern: " + text;
            case MIN_LENGTH ->
                    "Member must have length greater than or equal to " + number.toPlainString();
            case MAX_LENGTH ->
                    "Member must have length less than or equal to " + number.toPlainString();
            case MIN -> "Member must have value greater than or equal to " + number.toPlainString();
            case MAX -> "Member must have value less than or equal to " + number.toPlainString();
            case ENUM -> "Member must satisfy enum value set: [" + String.join(", ", values) + "]";
            case KEYS -> "Map keys must satisfy constraint: [" + nestedText() + "]";
            case VALUES -> "Map value must satisfy constraint: [" + nestedText() + "]";
            case REQUIRED, TABLE_NAME -> "";
        };
    }

    private String nestedText() {
        List<String> parts = new ArrayList<>();
        nested.forEach(n -> parts.add(n.constraint()));
        return String.join(", ", parts);
    }

    /** The violated constraint's text, or null when {@code v} satisfies it. */
    String violation(JsonNode v) {
        return holds(v) ? null : constraint();
    }

    private boolean holds(JsonNode v) {
        return switch (kind) {
            case REQUIRED, TABLE_NAME -> true;
            case NOT_NULL -> v != null && !v.isNull();
            case REGEX -> v.isTextual() && matches(v.textValue());
            case MIN_LENGTH -> length(v) >= number.longValue();
            case MAX_LENGTH -> length(v) <= number.longValue();
            case MIN -> !v.isNumber() || v.decimalValue().compareTo(number) >= 0;
            case MAX -> !v.isNumber() || v.decimalValue().compareTo(number) <= 0;
            case ENUM -> v.isTextual() && values.contains(v.textValue());
            case KEYS -> allHold(nested, keysOf(v));
            case VALUES -> allHold(nested, valuesOf(v));
        };
    }

    /** Table and index names: the one pattern every request checks gets a loop, not a regex. */
    private static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

    private boolean matches(String value) {
        if (!text.equals(NAME_PATTERN)) {
            return pattern.matcher(value).matches();
        }
        return !value.isEmpty() && Req.isTableNameChars(value);
    }

    private static boolean allHold(List<Check> checks, List<JsonNode> nodes) {
        for (JsonNode n : nodes) {
            for (Check c : checks) {
                if (!c.holds(n)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<JsonNode> keysOf(JsonNode v) {
        List<JsonNode> keys = new ArrayList<>();
        v.properties()
                .forEach(
                        e ->
                                keys.add(
                                        com.fasterxml.jackson.databind.node.TextNode.valueOf(
                                                e.getKey())));
        return keys;
    }

    private static List<JsonNode> valuesOf(JsonNode v) {
        List<JsonNode> values = new ArrayList<>();
        v.forEach(values::add);
        return values;
    }

    /**
     * Characters of a string (UTF-16 units, as DynamoDB's Java service counts), elements, or keys.
     */
    private static long length(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue().length();
        }
        return v.size();
    }
}
