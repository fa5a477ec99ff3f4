package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Request field access and response shapes of the Step Functions API. */
final class Shapes {
    private Shapes() {}

    static String required(JsonNode request, String field) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull() || !v.isTextual()) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: Value null at '"
                            + field
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return v.asText();
    }

    static Optional<String> optional(JsonNode request, String field) {
        JsonNode v = request.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** AWS JSON 1.0 timestamps are epoch seconds with a fraction. */
    static BigDecimal time(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    static ObjectNode stateMachine(StateMachineDescription d) {
        ObjectNode out = Json.object();
        out.put("stateMachineArn", d.stateMachineArn());
        out.put("name", d.name());
        out.put("status", "ACTIVE");
        out.put("definition", d.definition());
        out.put("roleArn", d.roleArn());
        out.put("type", d.type().name());
        out.put("creationDate", time(d.creationDate()));
        out.putObject("loggingConfiguration")
                .put("level", "OFF")
                .put("includeExecutionData", false);
        out.putObject("tracingConfiguration").put("enabled", false);
        return out;
    }

    static ObjectNode execution(ExecutionDescription d, boolean sync) {
        ObjectNode out = Json.object();
        out.put("executionArn", d.executionArn());
        out.put("stateMachineArn", d.stateMachineArn());
        out.put("name", d.name());
        out.put("status", d.status().name());
        out.put("startDate", time(d.startDate()));
        d.stopDate().ifPresent(s -> out.put("stopDate", time(s)));
        out.put("input", d.input());
        out.putObject("inputDetails").put("included", true);
        d.output()
                .ifPresent(
                        o -> {
                            out.put("output", o);
                            out.putObject("outputDetails").put("included", true);
                        });
        d.error().ifPresent(e -> out.put("error", e));
        d.cause().ifPresent(c -> out.put("cause", c));
        d.stateMachineVersionArn().ifPresent(v -> out.put("stateMachineVersionArn", v));
        d.stateMachineAliasArn().ifPresent(a -> out.put("stateMachineAliasArn", a));
        if (sync) {
            out.putObject("billingDetails")
                    .put("billedMemoryUsedInMB", 64)
                    .put("billedDurationInMilliseconds", 100);
        } else {
            out.put("redriveCount", d.redriveCount());
            out.put("redriveStatus", d.redriveStatus());
            d.redriveDate().ifPresent(r -> out.put("redriveDate", time(r)));
        }
        return out;
    }

    static ObjectNode listedExecution(ExecutionDescription d) {
        ObjectNode out = Json.object();
        out.put("executionArn", d.executionArn());
        out.put("stateMachineArn", d.stateMachineArn());
        out.put("name", d.name());
        out.put("status", d.status().name());
        out.put("startDate", time(d.startDate()));
        d.stopDate().ifPresent(s -> out.put("stopDate", time(s)));
        return out;
    }

    static ObjectNode event(HistoryEvent e, boolean includeData) {
        ObjectNode out = Json.object();
        out.put("timestamp", time(e.timestamp()));
        out.put("type", e.type());
        out.put("id", e.id());
        out.put("previousEventId", e.previousEventId());
        if (e.detailsField() != null) {
            JsonNode details = e.details();
            if (!includeData && details.isObject()) {
                ObjectNode copy = ((ObjectNode) details).deepCopy();
                copy.remove(java.util.List.of("input", "output", "parameters"));
                details = copy;
            }
            out.set(e.detailsField(), details);
        }
        return out;
    }
}
