package dev.orderflow.cloud.internal.esm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lambda event filtering (AWS docs "Control which events Lambda sends to your function"): a record
 * is delivered when it matches at least one pattern. In a pattern every field must match (AND); a
 * field's array lists alternatives (OR): a literal (exact match; numbers compare by value), or an
 * operator object — {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code
 * anything-but} (a value, a list, or {@code {"prefix": ...}}), {@code exists}, {@code numeric}
 * ranges, {@code wildcard}. Against an array in the record, a matcher matches when any element
 * does. With no pattern every record is delivered.
 */
final class EventFilter {

    private static final Set<String> OPERATORS =
            Set.of(
                    "prefix",
                    "suffix",
                    "equals-ignore-case",
                    "anything-but",
                    "exists",
                    "numeric",
                    "wildcard");

    private final List<JsonNode> patterns;

    EventFilter(List<JsonNode> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** What the patterns use that this filter cannot evaluate (reported at boot). */
    static List<String> unsupported(List<JsonNode> patterns) {
        List<String> out = new ArrayList<>();
        patterns.forEach(p -> collectUnsupported(p, out));
        return out;
    }

    private static void collectUnsupported(JsonNode pattern, List<String> out) {
        if (!pattern.isObject()) {
            out.add("FilterCriteria pattern " + pattern + " (must be a JSON object)");
            return;
        }
        for (Map.Entry<String, JsonNode> e : pattern.properties()) {
            JsonNode v = e.getValue();
            if (e.getKey().equals("$or")) {
                out.add("FilterCriteria $or");
            } else if (v.isObject()) {
                collectUnsupported(v, out);
            } else if (v.isArray()) {
                for (JsonNode m : v) {
                    if (m.isObject()) {
                        m.fieldNames()
                                .forEachRemaining(
                                        op -> {
                                            if (!OPERATORS.contains(op)) {
                                                out.add("FilterCriteria operator " + op);
                                            }
                                        });
                    }
                }
            } else {
                out.add(
                        "FilterCriteria field "
                                + e.getKey()
                                + " (values must be arrays or objects)");
            }
        }
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** True when {@code record} matches a pattern, or when there is none. */
    boolean matches(JsonNode record) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (JsonNode p : patterns) {
            if (matchesObject(p, record)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode value) {
        for (Map.Entry<String, JsonNode> e : pattern.properties()) {
            JsonNode v = value != null && value.isObject() ? value.get(e.getKey()) : null;
            JsonNode sub = e.getValue();
            boolean ok =
                    sub.isObject()
                            ? v != null && matchesObject(sub, v)
                            : sub.isArray() && matchesAny(sub, v);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(JsonNode matchers, JsonNode v) {
        for (JsonNode m : matchers) {
            if (matchesOne(m, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOne(JsonNode m, JsonNode v) {
        if (m.isObject() && m.has("exists")) {
            return m.get("exists").asBoolean() == (v != null);
        }
        if (v == null) {
            return false;
        }
        if (v.isArray()) {
            for (JsonNode element : v) {
                if (matchesScalar(m, element)) {
                    return true;
                }
            }
            return false;
        }
        return matchesScalar(m, v);
    }

    private static boolean matchesScalar(JsonNode m, JsonNode v) {
        if (!m.isObject()) {
            return literal(m, v);
        }
        if (m.has("prefix")) {
            return text(m.get("prefix"), v, true);
        }
        if (m.has("suffix")) {
            return text(m.get("suffix"), v, false);
        }
        if (m.has("equals-ignore-case")) {
            return v.isTextual()
                    && v.asText().equalsIgnoreCase(m.get("equals-ignore-case").asText());
        }
        if (m.has("anything-but")) {
            return anythingBut(m.get("anything-but"), v);
        }
        if (m.has("numeric")) {
            return numeric(m.get("numeric"), v);
        }
        if (m.has("wildcard")) {
            return v.isTextual()
                    && wildcard(m.get("wildcard").asText()).matcher(v.asText()).matches();
        }
        return false;
    }

    /** {@code "prefix": "x"} or {@code "prefix": {"equals-ignore-case": "x"}} (same for suffix). */
    private static boolean text(JsonNode operand, JsonNode v, boolean prefix) {
        if (!v.isTextual()) {
            return false;
        }
        boolean ignoreCase = operand.isObject();
        String want = ignoreCase ? operand.path("equals-ignore-case").asText() : operand.asText();
        String have = v.asText();
        if (ignoreCase) {
            want = want.toLowerCase(java.util.Locale.ROOT);
            have = have.toLowerCase(java.util.Locale.ROOT);
        }
        return prefix ? have.startsWith(want) : have.endsWith(want);
    }

    private static boolean anythingBut(JsonNode operand, JsonNode v) {
        if (operand.isArray()) {
            for (JsonNode o : operand) {
                if (literal(o, v)) {
                    return false;
                }
            }
            return true;
        }
        if (operand.isObject()) {
            if (operand.has("prefix")) {
                return !text(operand.get("prefix"), v, true);
            }
            if (operand.has("suffix")) {
                return !text(operand.get("suffix"), v, false);
            }
            return false;
        }
        return !literal(operand, v);
    }

    /** {@code "numeric": [">", 0, "<=", 5]}: every comparison must hold. */
    private static boolean numeric(JsonNode operand, JsonNode v) {
        if (!v.isNumber() || !operand.isArray() || operand.size() % 2 != 0) {
            return false;
        }
        BigDecimal have = v.decimalValue();
        for (int i = 0; i < operand.size(); i += 2) {
            int c = have.compareTo(operand.get(i + 1).decimalValue());
            boolean ok;
            switch (operand.get(i).asText()) {
                case "=" -> ok = c == 0;
                case "<" -> ok = c < 0;
                case "<=" -> ok = c <= 0;
                case ">" -> ok = c > 0;
                case ">=" -> ok = c >= 0;
                default -> ok = false;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean literal(JsonNode m, JsonNode v) {
        if (m.isNumber() && v.isNumber()) {
            return m.decimalValue().compareTo(v.decimalValue()) == 0;
        }
        return m.equals(v);
    }

    private static Pattern wildcard(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
