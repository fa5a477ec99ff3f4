package dev.orderflow.dynamodb.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The constraints of one request member, with those of its list elements, map values or structure
 * members. Paths in messages are DynamoDB's: the member name with a lower-case first letter, list
 * elements numbered from 1 under the members name, map values under their key.
 */
record MemberRule(
        String name,
        List<Check> checks,
        MemberRule element,
        MemberRule value,
        List<MemberRule> members) {

    static List<MemberRule> listOf(JsonNode array) {
        List<MemberRule> out = new ArrayList<>();
        for (JsonNode m : array) {
            out.add(of(m.path("member").asText("member"), m));
        }
        return out;
    }

    private static MemberRule of(String name, JsonNode node) {
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : node.path("checks")) {
            checks.add(Check.of(c));
        }
        return new MemberRule(
                name,
                checks,
                node.has("element") ? of("member", node.get("element")) : null,
                node.has("value") ? of("member", node.get("value")) : null,
                node.has("members") ? listOf(node.get("members")) : List.of());
    }

    /** The checks DynamoDB answers on their own, before collecting violations. */
    void checkAlone(JsonNode v) {
        for (Check c : checks) {
            if (c.kind() == Check.Kind.REQUIRED && (v == null || v.isNull())) {
                throw ApiException.validation(
                        "The parameter '"
                                + name
                                + "' is required but was not present in the request");
            }
            if (c.kind() == Check.Kind.TABLE_NAME && v != null && v.isTextual()) {
                int length = v.textValue().length();
                if (length < 3 || length > 255) {
                    throw ApiException.validation(
                            "TableName must be at least 3 characters long and at most 255"
                                    + " characters long");
                }
            }
        }
    }

    private String path(String parent) {
        return parent + Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    void collect(JsonNode v, String parent, List<String> violations) {
        boolean absent = v == null || v.isNull();
        // The path is only built when a violation or a nested member needs it: almost every
        // request satisfies every constraint.
        String path = null;
        for (Check c : checks) {
            if (absent && c.kind() != Check.Kind.NOT_NULL) {
                continue;
            }
            String failed = c.violation(v);
            if (failed != null) {
                if (path == null) {
                    path = path(parent);
                }
                violations.add(
                        "Value "
                                + (absent ? "null" : "'" + ValueText.of(v) + "'")
                                + " at '"
                                + path
                                + "' failed to satisfy constraint: "
                                + failed);
            }
        }
        if (absent || (element == null && value == null && members.isEmpty())) {
            return;
        }
        if (path == null) {
            path = path(parent);
        }
        if (element != null && v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                element.collect(v.get(i), path + "." + (i + 1) + ".", violations);
            }
        }
        if (value != null && v.isObject()) {
            for (Map.Entry<String, JsonNode> entry : v.properties()) {
                value.collect(entry.getValue(), path + "." + entry.getKey() + ".", violations);
            }
        }
        if (!members.isEmpty() && v.isObject()) {
            for (MemberRule m : members) {
                m.collect(v.get(m.name()), path + ".", violations);
            }
        }
    }
}
