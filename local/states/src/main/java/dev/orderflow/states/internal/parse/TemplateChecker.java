package dev.orderflow.states.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.intrinsics.IntrinsicParser;
import dev.orderflow.states.internal.jsonata.JsonataTemplates;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.internal.paths.JsonPath;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Checks payload templates: {@code .$} keys in JSONPath states, {@code {% %}} in JSONata. */
final class TemplateChecker {
    private final List<Diagnostic> diags;

    TemplateChecker(List<Diagnostic> diags) {
        this.diags = diags;
    }

    void checkTemplate(JsonNode node, String loc) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$")) {
                    checkDynamic(key, e.getValue(), loc + "/" + key);
                } else {
                    checkTemplate(e.getValue(), loc + "/" + key);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTemplate(node.get(i), loc + "[" + i + "]");
            }
        }
    }

    private void checkDynamic(String key, JsonNode value, String loc) {
        if (!value.isTextual()) {
            schema(
                    "The value for the field '"
                            + key
                            + "' must be a STRING that contains a JSONPath or an intrinsic function",
                    loc);
            return;
        }
        String text = value.asText();
        try {
            if (IntrinsicParser.looksLikeCall(text)) {
                IntrinsicParser.parse(text);
            } else {
                JsonPath.parse(text);
            }
        } catch (IllegalArgumentException e) {
            schema(
                    "The value for the field '"
                            + key
                            + "' must be a valid JSONPath or a valid intrinsic function call",
                    loc);
        }
    }

    /**
     * Variable names: a letter or underscore, then letters, digits or underscores, at most 80
     * characters, and not the reserved {@code states} (AWS docs "Variable names").
     */
    void checkAssignNames(JsonNode assign, String loc) {
        if (assign == null) {
            return;
        }
        if (!assign.isObject()) {
            schema("The value for the field 'Assign' must be an OBJECT", loc);
            return;
        }
        for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            if (name.isEmpty()
                    || name.length() > Quotas.NAME_LENGTH
                    || name.equals("states")
                    || !name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
                schema("The variable name '" + name + "' is invalid", loc + "/" + key);
            }
        }
    }

    void checkJsonata(JsonNode node, String loc) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("{%") || text.endsWith("%}")) {
                String problem = JsonataTemplates.compileProblem(text);
                if (problem != null) {
                    schema(problem, loc);
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkJsonata(e.getValue(), loc + "/" + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkJsonata(node.get(i), loc + "[" + i + "]");
            }
        }
    }

    private void schema(String message, String loc) {
        diags.add(Diagnostic.error("SCHEMA_VALIDATION_FAILED", message, loc));
    }
}
