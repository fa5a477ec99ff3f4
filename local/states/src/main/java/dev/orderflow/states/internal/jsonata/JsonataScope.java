package dev.orderflow.states.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a JSONata expression sees: the reserved {@code $states} object (input, result, errorOutput,
 * context) and the workflow variables in scope.
 */
public record JsonataScope(JsonNode states, Map<String, JsonNode> variables) {}
