package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its
 * expressions, tracking which placeholders were used so unused ones can be reported as AWS does.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
    }

    public static ExpressionContext empty() {
        return new ExpressionContext(Map.of(), Map.of());
    }

    String name(String ref, String kind) {
        String name = names.get(ref);
        if (name == null) {
            throw ApiException.validation(
                    "Invalid "
                            + kind
                            + ": An expression attribute name used in the document path is not"
                            + " defined; attribute name: "
                            + ref);
        }
        usedNames.add(ref);
        return name;
    }

    AttributeValue value(String ref, String kind) {
        AttributeValue value = values.get(ref);
        if (value == null) {
            throw ApiException.validation(
                    "Invalid "
                            + kind
                            + ": An expression attribute value used in expression is not defined;"
                            + " attribute value: "
                            + ref);
        }
        usedValues.add(ref);
        return value;
    }

    /** Throws AWS's error if a supplied name or value was not used by any expression. */
    public void checkAllUsed() {
        if (usedNames.size() == names.size() && usedValues.size() == values.size()) {
            return;
        }
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw ApiException.validation(
                    "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                            + String.join(", ", unusedNames)
                            + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw ApiException.validation(
                    "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                            + String.join(", ", unusedValues)
                            + "}");
        }
    }
}
