package dev.orderflow.dynamodb.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.shape.Shape.ListOf;
import dev.orderflow.dynamodb.internal.shape.Shape.MapOf;
import dev.orderflow.dynamodb.internal.shape.Shape.Scalar;
import dev.orderflow.dynamodb.internal.shape.Shape.Struct;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The deserialization stage: walks a request body against its operation's shape in document order
 * and fails at the first member of the wrong JSON type with DynamoDB's SerializationException
 * message for that case. Unknown members and JSON nulls are ignored, as DynamoDB ignores them.
 *
 * <p>The messages are DynamoDB's observed answers (recorded against the service by the dynalite
 * project; see {@code src/test/resources/conformance-types/README.md}). They depend on where a
 * value sits: a structure that is a named field answers a scalar with "Unexpected field type", one
 * that is a list or map element with "Unexpected value type in payload", and a collection nested
 * directly in another collection fails on a scalar with the Java class-cast text DynamoDB's
 * deserializer produces for such generic types.
 */
public final class ShapeChecker {
    private static final String START_OF_OBJECT =
            "Start of structure or map found where not expected";
    private static final String UNEXPECTED_FIELD = "Unexpected field type";
    private static final String UNEXPECTED_VALUE = "Unexpected value type in payload";
    private static final String NESTED_GENERIC_CAST =
            "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to"
                    + " class java.lang.Class (sun.reflect.generics.reflectiveObjects."
                    + "ParameterizedTypeImpl and java.lang.Class are in module java.base of loader"
                    + " 'bootstrap')";
    private static final String NOT_BASE64 =
            "only base-64-encoded strings are convertible to bytes";

    private ShapeChecker() {}

    /** Where a value sits: a named member of a structure, or an element of a list or map. */
    private enum Position {
        FIELD,
        ELEMENT
    }

    public static void check(Struct shape, JsonNode body) {
        members(shape, body);
    }

    /**
     * Checks a structure's members and drops the ones DynamoDB's deserializer drops (unknown
     * members and JSON nulls), so that later stages see only what DynamoDB would.
     */
    private static void members(Struct shape, JsonNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Shape member = shape.member(field.getKey());
            if (member == null || field.getValue().isNull()) {
                fields.remove();
            } else {
                field.setValue(value(member, field.getValue(), Position.FIELD));
            }
        }
    }

    /** Checks one value; returns it, or the value DynamoDB converts it to. */
    private static JsonNode value(Shape shape, JsonNode value, Position position) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (shape instanceof Scalar scalar) {
            return scalar(scalar, value);
        } else if (shape instanceof ListOf list) {
            list(list, value, position);
        } else if (shape instanceof MapOf map) {
            map(map, value, position);
        } else {
            struct((Struct) shape, value, position);
        }
        return value;
    }

    private static JsonNode scalar(Scalar scalar, JsonNode value) {
        if (value.isArray()) {
            throw fail("Unrecognized collection type class " + scalar.javaType());
        }
        if (value.isObject()) {
            throw fail(START_OF_OBJECT);
        }
        switch (scalar) {
            case STRING -> {
                if (!value.isTextual()) {
                    throw fail(tokenName(value) + " cannot be converted to String");
                }
            }
            case BOOLEAN -> {
                if (value.isTextual()) {
                    return lenientBoolean(value.textValue());
                }
                if (!value.isBoolean()) {
                    throw fail(tokenName(value) + " cannot be converted to Boolean");
                }
            }
            case INTEGER, LONG -> {
                if (!value.isNumber()) {
                    throw fail(tokenName(value) + " cannot be converted to " + scalar.simpleName());
                }
                if (value.isIntegralNumber()
                        && !(scalar == Shape.Scalar.INTEGER
                                ? value.canConvertToInt()
                                : value.canConvertToLong())) {
                    // Not a value of the member's Java type: the body cannot be deserialized.
                    throw fail(null);
                }
            }
            case BLOB -> blob(value);
        }
        return value;
    }

    /** DynamoDB reads true/false, yes/no and 1/0 in any case as a boolean given as a string. */
    private static JsonNode lenientBoolean(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> {
                return com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
            }
            case "false", "no", "0" -> {
                return com.fasterxml.jackson.databind.node.BooleanNode.FALSE;
            }
            default -> throw fail("Unexpected token received from parser");
        }
    }

    private static void blob(JsonNode value) {
        if (!value.isTextual()) {
            throw fail(NOT_BASE64);
        }
        String text = value.textValue();
        if (text.length() % 4 != 0) {
            throw fail(
                    "Base64 encoded length is expected a multiple of 4 bytes but found: "
                            + text.length());
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw fail("Invalid last non-pad Base64 character dectected");
        }
        // Leftover bits in the last character mean the text is not canonical base64.
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw fail("Invalid last non-pad Base64 character dectected");
        }
    }

    private static void list(ListOf list, JsonNode value, Position position) {
        if (value.isObject()) {
            throw fail(START_OF_OBJECT);
        }
        if (!value.isArray()) {
            throw fail(position == Position.ELEMENT ? NESTED_GENERIC_CAST : UNEXPECTED_FIELD);
        }
        com.fasterxml.jackson.databind.node.ArrayNode array =
                (com.fasterxml.jackson.databind.node.ArrayNode) value;
        for (int i = 0; i < array.size(); i++) {
            // value() answers the element itself when it needs no conversion: setting it is a no-op
            array.set(i, value(list.member(), array.get(i), Position.ELEMENT));
        }
    }

    private static void map(MapOf map, JsonNode value, Position position) {
        if (value.isArray()) {
            throw fail("Unrecognized collection type " + map.javaType());
        }
        if (!value.isObject()) {
            throw fail(position == Position.ELEMENT ? NESTED_GENERIC_CAST : UNEXPECTED_FIELD);
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            entry.setValue(value(map.value(), entry.getValue(), Position.ELEMENT));
        }
    }

    private static void struct(Struct struct, JsonNode value, Position position) {
        if (value.isArray()) {
            throw fail("Unrecognized collection type class " + struct.javaType());
        }
        if (!value.isObject()) {
            throw fail(position == Position.ELEMENT ? UNEXPECTED_VALUE : UNEXPECTED_FIELD);
        }
        members(struct, value);
    }

    /** The name DynamoDB's JSON parser gives the token it found. */
    private static String tokenName(JsonNode value) {
        if (value.isTextual()) {
            return "STRING_VALUE";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        }
        return value.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE";
    }

    private static ApiException fail(String message) {
        return ApiException.serialization(message);
    }
}
