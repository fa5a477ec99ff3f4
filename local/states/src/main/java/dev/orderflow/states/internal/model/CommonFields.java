package dev.orderflow.states.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Fields shared by every state kind. JSON-valued fields are null when absent. {@code next} is null
 * for terminal states.
 */
public record CommonFields(
        String name,
        String type,
        QueryLanguage language,
        String next,
        boolean end,
        OptionalPath inputPath,
        OptionalPath outputPath,
        OptionalPath resultPath,
        JsonNode parameters,
        JsonNode resultSelector,
        JsonNode arguments,
        JsonNode output,
        JsonNode assign,
        List<Retrier> retry,
        List<Catcher> catchers) {
    public CommonFields {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    /** True when the state uses JSONata. */
    public boolean jsonata() {
        return language == QueryLanguage.JSONATA;
    }
}
