package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.Json;

/**
 * An execution's output as compact JSON, written once per output node and reused by every
 * DescribeExecution after it.
 */
final class OutputText {
    private record Written(JsonNode of, String text) {}

    private volatile Written written;

    /** The compact JSON of {@code output}, written now unless it was written for this node. */
    // identity on purpose: the cached text belongs to that very node (a redrive sets a new one)
    @SuppressWarnings("ReferenceEquality")
    String of(JsonNode output) {
        Written w = written;
        if (w == null || w.of() != output) {
            w = new Written(output, Json.write(output));
            written = w;
        }
        return w.text();
    }
}
