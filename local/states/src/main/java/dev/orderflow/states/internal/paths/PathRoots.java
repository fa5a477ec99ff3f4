package dev.orderflow.states.internal.paths;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a path can start from: {@code $} (the current value), {@code $$} (the context object, built
 * on first use) and {@code $name} (a workflow variable; the lookup returns null when undefined).
 */
public final class PathRoots {
    private final JsonNode input;
    private final Supplier<JsonNode> contextSupplier;
    private final Function<String, JsonNode> variables;
    private JsonNode context;

    /** Creates roots. */
    public PathRoots(
            JsonNode input, Supplier<JsonNode> context, Function<String, JsonNode> variables) {
        this.input = input;
        this.contextSupplier = context;
        this.variables = variables;
    }

    /** Roots for a plain value with no context and no variables. */
    public static PathRoots of(JsonNode input) {
        return new PathRoots(input, () -> null, name -> null);
    }

    /** The current value. */
    public JsonNode input() {
        return input;
    }

    /** The context object, or null. */
    public JsonNode context() {
        if (context == null) {
            context = contextSupplier.get();
        }
        return context;
    }

    /** The variable lookup. */
    public Function<String, JsonNode> variables() {
        return variables;
    }

    /** The same roots with another current value. */
    public PathRoots withInput(JsonNode value) {
        return new PathRoots(value, this::context, variables);
    }
}
