package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The context object ({@code $$}) of a state as AWS documents it (AWS docs "Accessing execution
 * data from the Context object"). Inside a DISTRIBUTED Map's child execution, {@code Execution} and
 * {@code StateMachine} are the child's: its ARN, name, start time, input (the item or batch) and
 * redrive count, the parent's role, and the child state machine {@code <machine>/<label>}.
 */
final class ContextObject {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private ContextObject() {}

    static ObjectNode of(
            ExecutionRun exec,
            ChildExecutionHistory child,
            String stateName,
            Instant enteredTime,
            int retryCount,
            String taskToken,
            JsonNode mapItem) {
        ObjectNode ctx = Json.object();
        ObjectNode e = ctx.putObject("Execution");
        if (child == null) {
            e.put("Id", exec.executionArn());
            e.set("Input", exec.input());
            e.put("Name", exec.name());
            e.put("RoleArn", exec.identity().machine().roleArn());
            e.put("StartTime", ISO.format(exec.startDate().truncatedTo(ChronoUnit.MILLIS)));
            e.put("RedriveCount", exec.redriveCount());
        } else {
            e.put("Id", child.identity().arn());
            e.set("Input", child.input());
            e.put("Name", child.identity().name());
            e.put("RoleArn", child.roleArn());
            e.put("StartTime", ISO.format(child.startDate().truncatedTo(ChronoUnit.MILLIS)));
            e.put("RedriveCount", child.redriveCount());
        }
        ObjectNode s = ctx.putObject("State");
        s.put("EnteredTime", ISO.format(enteredTime.truncatedTo(ChronoUnit.MILLIS)));
        s.put("Name", stateName);
        s.put("RetryCount", retryCount);
        ObjectNode m = ctx.putObject("StateMachine");
        if (child == null) {
            m.put("Id", exec.stateMachineArn());
            m.put("Name", exec.identity().machine().name());
        } else {
            m.put("Id", child.identity().stateMachineArn());
            m.put("Name", child.identity().stateMachineName());
        }
        if (taskToken != null) {
            ctx.putObject("Task").put("Token", taskToken);
        }
        if (mapItem != null) {
            ctx.putObject("Map").set("Item", mapItem);
        }
        return ctx;
    }
}
