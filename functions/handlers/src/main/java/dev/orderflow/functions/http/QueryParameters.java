package dev.orderflow.functions.http;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Map;
import java.util.Optional;

/** Reads query string parameters of an HTTP API event, rejecting malformed ones by name. */
public final class QueryParameters {

    private final Map<String, String> values;

    /** Wraps the event's parameters; API Gateway sends null when there are none. */
    public QueryParameters(Map<String, String> values) {
        this.values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** A parameter's value, if present and not empty. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * A whole-number parameter, or the default when absent.
     *
     * @throws InvalidInput if present but not a whole number
     */
    public int integer(String name, int defaultValue) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(name, "must be a whole number");
        }
    }
}
