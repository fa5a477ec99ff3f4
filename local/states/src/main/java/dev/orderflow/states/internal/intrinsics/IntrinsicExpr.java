package dev.orderflow.states.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.paths.JsonPath;
import java.util.List;

/** Parsed form of an intrinsic function call and its arguments. */
public sealed interface IntrinsicExpr {
    /** {@code States.Name(args...)}. */
    record Call(String name, List<IntrinsicExpr> args) implements IntrinsicExpr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A JSONPath argument ({@code $.a}, {@code $$.Execution.Id}, {@code $var}). */
    record PathArg(JsonPath path) implements IntrinsicExpr {}

    /** A literal argument: string, number, boolean or null. */
    record Literal(JsonNode value) implements IntrinsicExpr {}
}
