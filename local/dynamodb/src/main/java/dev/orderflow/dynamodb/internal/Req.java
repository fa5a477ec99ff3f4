package dev.orderflow.dynamodb.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.expr.Condition;
import dev.orderflow.dynamodb.internal.expr.ExpressionContext;
import dev.orderflow.dynamodb.internal.expr.ExpressionParser;
import dev.orderflow.dynamodb.internal.expr.KeyTerm;
import dev.orderflow.dynamodb.internal.expr.Operand;
import dev.orderflow.dynamodb.internal.expr.UpdateExpression;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed, validating access to a request's JSON body. */
public final class Req {
    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");
    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");

    private final ObjectNode node;
    private Map<String, KeyTerm> keyTerms;

    /** Placeholders and expressions as the semantic stage parsed them, so they parse once. */
    private ExpressionContext preparedContext;

    private Map<String, Object> preparedExpressions = Map.of();

    /** Items and keys already read from this request's JSON (created on first use). */
    private Map<String, Map<String, AttributeValue>> items;

    public Req(ObjectNode node) {
        this.node = node;
    }

    /** Wraps a nested JSON value that must be an object (else AWS's SerializationException). */
    public static Req of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return new Req((ObjectNode) node);
    }

    public ObjectNode node() {
        return node;
    }

    /** A Query's key conditions as the semantic stage read them, one per key attribute. */
    public Map<String, KeyTerm> keyTerms() {
        return keyTerms;
    }

    public void keyTerms(Map<String, KeyTerm> terms) {
        this.keyTerms = terms;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return v.textValue();
    }

    public String required(String field) {
        String v = string(field);
        if (v == null) {
            throw notNull(field);
        }
        return v;
    }

    public static ApiException notNull(String field) {
        return ApiException.validation(
                "1 validation error detected: Value null at '"
                        + camel(field)
                        + "' failed to satisfy constraint: Member must not be null");
    }

    public static String camel(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }

    /** Reads and validates a table name (length 3..255, pattern [a-zA-Z0-9_.-]+). */
    public String tableName() {
        return validTableName(required("TableName"), "tableName");
    }

    public static String validTableName(String name, String field) {
        if (name.length() < 3) {
            throw constraint(name, field, "Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw constraint(name, field, "Member must have length less than or equal to 255");
        }
        if (!isTableNameChars(name)) {
            throw constraint(
                    name, field, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    /** Whether every character may appear in a table or index name ({@code [a-zA-Z0-9_.-]}). */
    public static boolean isTableNameChars(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '.'
                            || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static ApiException constraint(Object value, String field, String constraint) {
        return ApiException.validation(
                "1 validation error detected: Value '"
                        + value
                        + "' at '"
                        + field
                        + "' failed to satisfy constraint: "
                        + constraint);
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return v.booleanValue();
    }

    public Integer integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        // DynamoDB's deserializer truncates a decimal given for an integer member.
        return v.intValue();
    }

    public ObjectNode object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return (ObjectNode) v;
    }

    public JsonNode array(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return v;
    }

    /** An item or key member, read (and validated) once per request. */
    public Map<String, AttributeValue> item(String field) {
        if (items == null) {
            items = new java.util.HashMap<>(2);
        }
        Map<String, AttributeValue> item = items.get(field);
        if (item == null) {
            item = AttributeJson.readItem(object(field));
            items.put(field, item);
        }
        return item;
    }

    /** Keeps what the semantic stage parsed: the placeholders and each expression by kind. */
    public void prepareExpressions(ExpressionContext context, Map<String, Object> parsed) {
        this.preparedContext = context;
        this.preparedExpressions = parsed;
    }

    /** A condition, filter or key-condition expression of this request, parsed once. */
    public Condition condition(String kind, ExpressionContext ctx) {
        Object parsed = preparedExpressions.get(kind);
        return parsed != null
                ? (Condition) parsed
                : ExpressionParser.parseCondition(string(kind), kind, ctx);
    }

    /** The UpdateExpression of this request, parsed once. */
    public UpdateExpression update(ExpressionContext ctx) {
        Object parsed = preparedExpressions.get("UpdateExpression");
        return parsed != null
                ? (UpdateExpression) parsed
                : ExpressionParser.parseUpdate(string("UpdateExpression"), ctx);
    }

    /** The ProjectionExpression of this request, parsed once. */
    @SuppressWarnings("unchecked")
    public List<Operand.Path> projection(ExpressionContext ctx) {
        Object parsed = preparedExpressions.get("ProjectionExpression");
        return parsed != null
                ? (List<Operand.Path>) parsed
                : ExpressionParser.parseProjection(string("ProjectionExpression"), ctx);
    }

    /** One of the allowed values, or the default; anything else is AWS's enum error. */
    public String enumValue(String field, String fallback, String... allowed) {
        String v = string(field);
        if (v == null) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw constraint(
                v,
                camel(field),
                "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }

    /** ExpressionAttributeNames/Values of this request, validated as AWS does. */
    public ExpressionContext expressionContext(boolean expressionsPresent) {
        if (preparedContext != null) {
            return preparedContext;
        }
        ObjectNode names = object("ExpressionAttributeNames");
        ObjectNode values = object("ExpressionAttributeValues");
        if (names != null && !expressionsPresent) {
            throw ApiException.validation(
                    "ExpressionAttributeNames can only be specified when using expressions");
        }
        if (values != null && !expressionsPresent) {
            throw ApiException.validation(
                    "ExpressionAttributeValues can only be specified when using expressions");
        }
        Map<String, String> nameMap = new LinkedHashMap<>();
        if (names != null) {
            if (names.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeNames must not be empty");
            }
            Iterator<Map.Entry<String, JsonNode>> it = names.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!NAME_KEY.matcher(e.getKey()).matches()) {
                    throw ApiException.validation(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                                    + e.getKey()
                                    + "\"");
                }
                if (!e.getValue().isTextual()) {
                    throw ApiException.serialization("Unexpected value type in payload");
                }
                nameMap.put(e.getKey(), e.getValue().textValue());
            }
        }
        Map<String, AttributeValue> valueMap = new LinkedHashMap<>();
        if (values != null) {
            if (values.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeValues must not be empty");
            }
            Iterator<Map.Entry<String, JsonNode>> it = values.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!VALUE_KEY.matcher(e.getKey()).matches()) {
                    throw ApiException.validation(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                                    + e.getKey()
                                    + "\"");
                }
                valueMap.put(e.getKey(), AttributeJson.read(e.getValue()));
            }
        }
        return new ExpressionContext(nameMap, valueMap);
    }
}
