package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Output and variable assignments produced by a matching catcher. */
public record CatchResult(JsonNode output, Map<String, JsonNode> assign) {}
