package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** How DynamoDB prints a member's value inside a constraint violation. */
final class ValueText {
    private ValueText() {}

    static String of(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(of(v.get(i)));
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }
}
