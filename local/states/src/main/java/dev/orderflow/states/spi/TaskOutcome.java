package dev.orderflow.states.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What an integration call produced: a result or a failure with an ASL error name and cause. */
public sealed interface TaskOutcome {
    /**
     * The call succeeded. For {@code lambda} this is the function's return value (the engine wraps
     * it in the {@code lambda:invoke} envelope); for other services the API response.
     */
    record Succeeded(JsonNode output) implements TaskOutcome {
        public Succeeded {
            Objects.requireNonNull(output, "output");
        }
    }

    /**
     * The call failed. {@code error} is what Catch/Retry match on (for example {@code
     * Lambda.ResourceNotFoundException} or a function's {@code errorType}); {@code cause} is free
     * text, often JSON.
     */
    record Failed(String error, String cause) implements TaskOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Shorthand for {@link Succeeded}. */
    static TaskOutcome success(JsonNode output) {
        return new Succeeded(output);
    }

    /** Shorthand for {@link Failed}. */
    static TaskOutcome failure(String error, String cause) {
        return new Failed(error, cause);
    }
}
