package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The context object ({@code $$}) of a state as AWS documents it. */
final class ContextObject {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private ContextObject() {}

    static ObjectNode of(
            ExecutionRun exec,
            String stateName,
            Instant enteredTime,
            int retryCount,
            String taskToken,
            JsonNode mapItem) {
        ObjectNode ctx = Json.object();
        ObjectNode e = ctx.putObject("Execution");
        e.put("Id", exec.executionArn());
        e.set("Input", exec.input());
        e.put("Name", exec.name());
        e.put("RoleArn", exec.identity().machine().roleArn());
        e.put("StartTime", ISO.format(exec.startDate().truncatedTo(ChronoUnit.MILLIS)));
        e.put("RedriveCount", exec.redriveCount());
        ObjectNode s = ctx.putObject("State");
        s.put("EnteredTime", ISO.format(enteredTime.truncatedTo(ChronoUnit.MILLIS)));
        s.put("Name", stateName);
        s.put("RetryCount", retryCount);
        ObjectNode m = ctx.putObject("StateMachine");
        m.put("Id", exec.stateMachineArn());
        m.put("Name", exec.identity().machine().name());
        if (taskToken != null) {
            ctx.putObject("Task").put("Token", taskToken);
        }
        if (mapItem != null) {
            ctx.putObject("Map").set("Item", mapItem);
        }
        return ctx;
    }
}
