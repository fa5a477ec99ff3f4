package dev.orderflow.states.internal.model;

import dev.orderflow.states.internal.paths.JsonPath;

/**
 * An InputPath/OutputPath/ResultPath setting: either a path (defaulting to {@code $}) or an
 * explicit JSON {@code null}, which has its own meaning for each field (ASL spec "Paths").
 */
public record OptionalPath(JsonPath path) {
    /** The default {@code $}. */
    public static final OptionalPath ROOT = new OptionalPath(JsonPath.parse("$"));

    /** Explicit null. */
    public static final OptionalPath NULL = new OptionalPath(null);

    /** True for an explicit JSON null. */
    public boolean isNull() {
        return path == null;
    }
}
