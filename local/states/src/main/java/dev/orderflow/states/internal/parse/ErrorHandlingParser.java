package dev.orderflow.states.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.model.Catcher;
import dev.orderflow.states.internal.model.OptionalPath;
import dev.orderflow.states.internal.model.QueryLanguage;
import dev.orderflow.states.internal.model.Retrier;
import dev.orderflow.states.internal.paths.JsonPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Parses Retry and Catch arrays (ASL spec "Error Handling"). */
final class ErrorHandlingParser {
    private static final Set<String> RETRY_FIELDS =
            Set.of(
                    "ErrorEquals",
                    "IntervalSeconds",
                    "MaxAttempts",
                    "BackoffRate",
                    "MaxDelaySeconds",
                    "JitterStrategy",
                    "Comment");
    private static final Set<String> CATCH_JSONPATH =
            Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment");
    private static final Set<String> CATCH_JSONATA =
            Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment");

    private final List<Diagnostic> diags;
    private final TemplateChecker templates;

    ErrorHandlingParser(List<Diagnostic> diags, TemplateChecker templates) {
        this.diags = diags;
        this.templates = templates;
    }

    List<Retrier> retriers(JsonNode node, String loc) {
        List<Retrier> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            schema("The value for the field 'Retry' must be an ARRAY", loc);
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String rl = loc + "[" + i + "]";
            unknownFields(r, RETRY_FIELDS, rl);
            List<String> errors = errorEquals(r, rl, i == node.size() - 1);
            double interval = number(r, "IntervalSeconds", 1, rl, 1);
            int maxAttempts = (int) number(r, "MaxAttempts", 3, rl, 0);
            double backoff = number(r, "BackoffRate", 2.0, rl, 1);
            Long maxDelay =
                    r.has("MaxDelaySeconds") ? (long) number(r, "MaxDelaySeconds", 0, rl, 1) : null;
            JsonNode jitter = r.get("JitterStrategy");
            if (jitter != null && !Set.of("FULL", "NONE").contains(jitter.asText())) {
                schema(
                        "The value for the field 'JitterStrategy' must be one of [FULL, NONE]",
                        rl + "/JitterStrategy");
            }
            out.add(
                    new Retrier(
                            errors,
                            interval,
                            maxAttempts,
                            backoff,
                            maxDelay,
                            jitter != null && jitter.asText().equals("FULL")));
        }
        return out;
    }

    List<Catcher> catchers(JsonNode node, String loc, QueryLanguage language) {
        List<Catcher> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            schema("The value for the field 'Catch' must be an ARRAY", loc);
            return out;
        }
        boolean jsonata = language == QueryLanguage.JSONATA;
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String cl = loc + "[" + i + "]";
            unknownFields(c, jsonata ? CATCH_JSONATA : CATCH_JSONPATH, cl);
            List<String> errors = errorEquals(c, cl, i == node.size() - 1);
            JsonNode next = c.get("Next");
            if (next == null || !next.isTextual()) {
                schema("These fields are required: [Next]", cl);
            }
            OptionalPath resultPath = OptionalPath.ROOT;
            JsonNode rp = c.get("ResultPath");
            if (rp != null && rp.isNull()) {
                resultPath = OptionalPath.NULL;
            } else if (rp != null) {
                try {
                    JsonPath p = JsonPath.parse(rp.asText());
                    if (!p.isReferencePath() || p.root() != JsonPath.Root.INPUT) {
                        throw new IllegalArgumentException("not a reference path");
                    }
                    resultPath = new OptionalPath(p);
                } catch (IllegalArgumentException e) {
                    schema(
                            "The value for the field 'ResultPath' must be a valid ReferencePath",
                            cl + "/ResultPath");
                }
            }
            if (jsonata) {
                templates.checkJsonata(c.get("Output"), cl + "/Output");
                templates.checkJsonata(c.get("Assign"), cl + "/Assign");
            } else {
                templates.checkTemplate(c.get("Assign"), cl + "/Assign");
            }
            out.add(
                    new Catcher(
                            errors,
                            next == null ? null : next.asText(),
                            resultPath,
                            c.get("Output"),
                            c.get("Assign")));
        }
        return out;
    }

    private List<String> errorEquals(JsonNode node, String loc, boolean last) {
        List<String> out = new ArrayList<>();
        JsonNode ee = node.get("ErrorEquals");
        if (ee == null || !ee.isArray() || ee.isEmpty()) {
            schema("These fields are required: [ErrorEquals]", loc);
            return out;
        }
        for (JsonNode e : ee) {
            out.add(e.asText());
        }
        if (out.contains("States.ALL") && (out.size() > 1 || !last)) {
            schema("States.ALL must appear alone in the last ErrorEquals", loc + "/ErrorEquals");
        }
        return out;
    }

    private double number(JsonNode node, String field, double dflt, String loc, double min) {
        JsonNode v = node.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.isNumber() || v.asDouble() < min) {
            schema(
                    "The value for the field '" + field + "' must be a number >= " + (long) min,
                    loc + "/" + field);
            return dflt;
        }
        return v.asDouble();
    }

    private void unknownFields(JsonNode node, Set<String> allowed, String loc) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                schema("The field \"" + f + "\" is not supported by Step Functions", loc + "/" + f);
            }
        }
    }

    private void schema(String message, String loc) {
        diags.add(Diagnostic.error("SCHEMA_VALIDATION_FAILED", message, loc));
    }
}
