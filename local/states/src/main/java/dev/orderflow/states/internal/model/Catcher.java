package dev.orderflow.states.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of a state's {@code Catch} array (ASL spec "Fallback states"). {@code output} and
 * {@code assign} may be null.
 */
public record Catcher(
        List<String> errorEquals,
        String next,
        OptionalPath resultPath,
        JsonNode output,
        JsonNode assign) {
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}
