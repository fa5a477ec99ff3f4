package dev.orderflow.dynamodb.internal.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's checks of one attribute value, in its order: each data type present, in the order the
 * request lists them (numbers, null flags, empty and duplicate sets, nested maps and lists), and
 * only then whether exactly one type is set. Members the model does not know, and JSON nulls, do
 * not count as types, as DynamoDB's deserializer drops them.
 */
public final class AttributeValueRules {
    private static final Set<String> TYPES =
            Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    private static final String INVALID = "One or more parameter values were invalid: ";

    private AttributeValueRules() {}

    /** The present data types of an attribute value, in request order. */
    public static List<Map.Entry<String, JsonNode>> types(JsonNode value) {
        if (value.size() == 1) {
            // The common case: no list to build.
            Map.Entry<String, JsonNode> only = value.properties().iterator().next();
            return isType(only) ? List.of(only) : List.of();
        }
        List<Map.Entry<String, JsonNode>> present = new ArrayList<>(2);
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (isType(e)) {
                present.add(e);
            }
        }
        return present;
    }

    /** The first present data type of a value that has one. */
    static Map.Entry<String, JsonNode> firstType(JsonNode value) {
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (isType(e)) {
                return e;
            }
        }
        throw new IllegalStateException("no data type in a checked value");
    }

    private static boolean isType(Map.Entry<String, JsonNode> e) {
        return TYPES.contains(e.getKey()) && !e.getValue().isNull();
    }

    /**
     * The rules DynamoDB applies while it converts a value (numbers, number sets, duplicate set
     * members), before it checks the value's shape; where the two are reported differently (an
     * ExclusiveStartKey), these come first and unprefixed.
     */
    public static void checkConversion(JsonNode value) {
        for (Map.Entry<String, JsonNode> type : types(value)) {
            JsonNode v = type.getValue();
            switch (type.getKey()) {
                case "N" -> Numbers.parse(v.textValue());
                case "NS" -> {
                    if (v.isEmpty()) {
                        throw ApiException.validation(INVALID + "An number set  may not be empty");
                    }
                    checkSet("NS", v);
                }
                case "SS", "BS" -> {
                    if (!v.isEmpty()) {
                        checkSet(type.getKey(), v);
                    }
                }
                case "M", "L" -> v.forEach(AttributeValueRules::checkConversion);
                default -> {
                    // Other types have nothing to convert.
                }
            }
        }
    }

    /** Throws DynamoDB's ValidationException for the first rule the value breaks. */
    public static void check(JsonNode value) {
        List<Map.Entry<String, JsonNode>> types = types(value);
        if (types.isEmpty()) {
            throw ApiException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported"
                            + " datatypes");
        }
        for (Map.Entry<String, JsonNode> type : types) {
            checkType(type.getKey(), type.getValue());
        }
        if (types.size() > 1) {
            throw ApiException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly"
                            + " one of the supported datatypes");
        }
    }

    private static void checkType(String type, JsonNode v) {
        switch (type) {
            case "N" -> Numbers.parse(v.textValue());
            case "NULL" -> {
                if (!v.booleanValue()) {
                    throw ApiException.validation(
                            INVALID + "Null attribute value types must have the value of true");
                }
            }
            case "SS", "NS", "BS" -> checkSet(type, v);
            case "M" -> v.forEach(AttributeValueRules::check);
            case "L" -> v.forEach(AttributeValueRules::check);
            default -> {
                // S, B and BOOL have no rule beyond their JSON type.
            }
        }
    }

    private static void checkSet(String type, JsonNode members) {
        if (members.isEmpty()) {
            throw ApiException.validation(
                    switch (type) {
                        case "SS" -> INVALID + "An string set  may not be empty";
                        case "NS" -> INVALID + "An number set  may not be empty";
                        default -> INVALID + "Binary sets should not be empty";
                    });
        }
        if (type.equals("NS")) {
            members.forEach(m -> Numbers.parse(m.textValue()));
        }
        Set<Object> seen = new HashSet<>();
        List<String> raw = new ArrayList<>();
        boolean duplicate = false;
        for (JsonNode m : members) {
            raw.add(m.asText());
            Object key = type.equals("NS") ? Numbers.parse(m.textValue()) : m.asText();
            duplicate |= !seen.add(key);
        }
        if (duplicate) {
            String list = "[" + String.join(", ", raw) + "]";
            throw ApiException.validation(
                    switch (type) {
                        case "SS" -> INVALID + "Input collection " + list + " contains duplicates.";
                        case "NS" -> "Input collection contains duplicates";
                        default ->
                                INVALID
                                        + "Input collection "
                                        + list
                                        + "of type BS contains duplicates.";
                    });
        }
    }
}
