package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.ChoiceRule;
import dev.orderflow.states.internal.paths.PathRoots;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Evaluates JSONPath Choice rules (ASL spec "Choice Rules"). */
final class ChoiceRules {
    private ChoiceRules() {}

    static boolean test(ChoiceRule rule, PathRoots roots) {
        if (rule instanceof ChoiceRule.And and) {
            for (ChoiceRule r : and.rules()) {
                if (!test(r, roots)) {
                    return false;
                }
            }
            return true;
        }
        if (rule instanceof ChoiceRule.Or or) {
            for (ChoiceRule r : or.rules()) {
                if (test(r, roots)) {
                    return true;
                }
            }
            return false;
        }
        if (rule instanceof ChoiceRule.Not not) {
            return !test(not.rule(), roots);
        }
        if (rule instanceof ChoiceRule.Comparison c) {
            return compare(c, roots);
        }
        throw new IllegalStateException("JSONata condition in a JSONPath state");
    }

    private static boolean compare(ChoiceRule.Comparison c, PathRoots roots) {
        JsonNode v = c.variable().read(roots);
        String op = c.operator();
        if (op.equals("IsPresent")) {
            return (v != null) == c.value().asBoolean();
        }
        if (v == null) {
            throw StatesFailure.runtime(
                    "Invalid path '"
                            + c.variable().text()
                            + "': The choice state's condition path references an invalid value.");
        }
        JsonNode expected = c.value();
        if (c.valuePath() != null) {
            expected = c.valuePath().read(roots);
            if (expected == null) {
                throw StatesFailure.runtime(
                        "Invalid path '"
                                + c.valuePath().text()
                                + "': The choice state's condition path references an invalid value.");
            }
            op = op.substring(0, op.length() - "Path".length());
        }
        switch (op) {
            case "IsNull":
                return v.isNull() == expected.asBoolean();
            case "IsNumeric":
                return v.isNumber() == expected.asBoolean();
            case "IsString":
                return v.isTextual() == expected.asBoolean();
            case "IsBoolean":
                return v.isBoolean() == expected.asBoolean();
            case "IsTimestamp":
                return (v.isTextual() && timestamp(v.asText()) != null) == expected.asBoolean();
            case "StringMatches":
                return v.isTextual() && matches(v.asText(), expected.asText());
            case "BooleanEquals":
                return v.isBoolean()
                        && expected.isBoolean()
                        && v.asBoolean() == expected.asBoolean();
            default:
                break;
        }
        String relation =
                op.startsWith("String")
                        ? op.substring(6)
                        : op.startsWith("Numeric") ? op.substring(7) : op.substring(9);
        Integer cmp;
        if (op.startsWith("String")) {
            cmp =
                    v.isTextual() && expected.isTextual()
                            ? Integer.valueOf(v.asText().compareTo(expected.asText()))
                            : null;
        } else if (op.startsWith("Numeric")) {
            cmp =
                    v.isNumber() && expected.isNumber()
                            ? Integer.valueOf(v.decimalValue().compareTo(expected.decimalValue()))
                            : null;
        } else {
            OffsetDateTime a = v.isTextual() ? timestamp(v.asText()) : null;
            OffsetDateTime b = expected.isTextual() ? timestamp(expected.asText()) : null;
            cmp =
                    a != null && b != null
                            ? Integer.valueOf(a.toInstant().compareTo(b.toInstant()))
                            : null;
        }
        if (cmp == null) {
            return false;
        }
        return switch (relation) {
            case "Equals" -> cmp == 0;
            case "LessThan" -> cmp < 0;
            case "GreaterThan" -> cmp > 0;
            case "LessThanEquals" -> cmp <= 0;
            case "GreaterThanEquals" -> cmp >= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    static OffsetDateTime timestamp(String s) {
        try {
            return s.length() >= 20 && s.charAt(10) == 'T' ? OffsetDateTime.parse(s) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Glob match where {@code *} matches any run and {@code \*}, {@code \\} are literals. */
    static boolean matches(String text, String pattern) {
        return match(text, 0, pattern, 0);
    }

    private static boolean match(String t, int ti, String p, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (match(t, k, p, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                c = p.charAt(++pi);
            }
            if (ti >= t.length() || t.charAt(ti) != c) {
                return false;
            }
            ti++;
            pi++;
        }
        return ti == t.length();
    }
}
