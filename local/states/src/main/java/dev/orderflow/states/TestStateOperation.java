package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.TestStateErrorDetails;
import dev.orderflow.states.api.TestStateResult;
import dev.orderflow.states.internal.json.Json;
import java.util.List;

/**
 * The TestState operation (API reference "TestState"): the request's {@code inspectionLevel} and
 * {@code stateConfiguration.retrierRetryCount}, and the answer with {@code inspectionData} at the
 * DEBUG and TRACE levels.
 */
final class TestStateOperation {
    private static final List<String> LEVELS = List.of("INFO", "DEBUG", "TRACE");

    private TestStateOperation() {}

    static JsonNode run(StepFunctionsEngine engine, JsonNode r) {
        String level = Shapes.optional(r, "inspectionLevel").orElse("INFO");
        if (!LEVELS.contains(level)) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: Value '"
                            + level
                            + "' at 'inspectionLevel' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: [INFO, DEBUG, TRACE]");
        }
        int retries = r.path("stateConfiguration").path("retrierRetryCount").asInt(0);
        TestStateResult result =
                engine.testState(
                        Shapes.required(r, "definition"),
                        Shapes.optional(r, "input").orElse("{}"),
                        retries);
        ObjectNode out = Json.object();
        result.output().ifPresent(o -> out.put("output", o));
        result.error().ifPresent(e -> out.put("error", e));
        result.cause().ifPresent(c -> out.put("cause", c));
        result.nextState().ifPresent(n -> out.put("nextState", n));
        out.put("status", result.status());
        // INFO answers no inspection data (AWS-recorded TestState answers at INFO have none).
        if (!level.equals("INFO")) {
            out.set("inspectionData", inspection(result));
        }
        return out;
    }

    private static ObjectNode inspection(TestStateResult result) {
        ObjectNode data = Json.object();
        result.input().ifPresent(i -> data.put("input", i));
        result.errorDetails().ifPresent(d -> data.set("errorDetails", errorDetails(d)));
        return data;
    }

    private static ObjectNode errorDetails(TestStateErrorDetails d) {
        ObjectNode out = Json.object();
        d.catchIndex().ifPresent(i -> out.put("catchIndex", i));
        d.retryIndex().ifPresent(i -> out.put("retryIndex", i));
        d.retryBackoffIntervalSeconds().ifPresent(s -> out.put("retryBackoffIntervalSeconds", s));
        return out;
    }
}
