package dev.orderflow.states.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.paths.JsonPath;
import java.util.List;

/** A Choice rule (ASL spec "Choice Rules"). */
public sealed interface ChoiceRule {
    /** {@code And}. */
    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }
    }

    /** {@code Or}. */
    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }
    }

    /** {@code Not}. */
    record Not(ChoiceRule rule) implements ChoiceRule {}

    /**
     * A data-test expression: {@code Variable} + operator + literal value, or a {@code *Path}
     * operator whose {@code valuePath} is set instead.
     */
    record Comparison(JsonPath variable, String operator, JsonNode value, JsonPath valuePath)
            implements ChoiceRule {}

    /** A JSONata {@code Condition}. */
    record Condition(JsonNode expression) implements ChoiceRule {}
}
