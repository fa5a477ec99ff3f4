package dev.orderflow.states.internal.paths;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Boolean expression inside a JSONPath filter {@code [?(...)]}. */
sealed interface FilterExpr {
    /** Evaluates the expression for the candidate {@code current} ({@code @}). */
    boolean test(JsonNode current, JsonNode root);

    /** {@code a || b}. */
    record Or(FilterExpr left, FilterExpr right) implements FilterExpr {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) || right.test(current, root);
        }
    }

    /** {@code a && b}. */
    record And(FilterExpr left, FilterExpr right) implements FilterExpr {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) && right.test(current, root);
        }
    }

    /** {@code !a}. */
    record Not(FilterExpr inner) implements FilterExpr {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return !inner.test(current, root);
        }
    }

    /** A bare operand: true when the path exists (and is not false). */
    record Exists(Operand operand) implements FilterExpr {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            JsonNode value = operand.value(current, root);
            return value != null && !(value.isBoolean() && !value.asBoolean());
        }
    }

    /** {@code left op right}. */
    record Compare(Operand left, String op, Operand right) implements FilterExpr {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            JsonNode a = left.value(current, root);
            JsonNode b = right.value(current, root);
            if (a == null || b == null) {
                return false;
            }
            if (a.isNumber() && b.isNumber()) {
                int c = a.decimalValue().compareTo(b.decimalValue());
                return switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    default -> false;
                };
            }
            if (a.isTextual() && b.isTextual()) {
                int c = a.asText().compareTo(b.asText());
                return switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    default -> false;
                };
            }
            return switch (op) {
                case "==" -> a.equals(b);
                case "!=" -> !a.equals(b);
                default -> false;
            };
        }
    }

    /** A value inside a filter: a literal or a path relative to {@code @} or {@code $}. */
    sealed interface Operand {
        /** The value, or null when a path selects nothing. */
        JsonNode value(JsonNode current, JsonNode root);
    }

    /** A JSON literal. */
    record Literal(JsonNode node) implements Operand {
        @Override
        public JsonNode value(JsonNode current, JsonNode root) {
            return node;
        }
    }

    /** {@code @.a.b} (relative) or {@code $.a} (absolute). */
    record PathOperand(boolean relative, List<Segment> segments) implements Operand {
        public PathOperand {
            segments = List.copyOf(segments);
        }

        @Override
        public JsonNode value(JsonNode current, JsonNode root) {
            List<JsonNode> found = PathEvaluator.select(relative ? current : root, segments, root);
            return found.isEmpty() ? null : found.get(0);
        }
    }
}
