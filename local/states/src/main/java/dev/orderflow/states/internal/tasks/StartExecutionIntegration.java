package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.spi.IntegrationPattern;
import dev.orderflow.states.spi.TaskOutcome;
import java.util.function.Consumer;

/**
 * {@code arn:aws:states:::states:startExecution} with request-response, {@code .sync}, {@code
 * .sync:2} and {@code .waitForTaskToken} (AWS docs "Start a new AWS Step Functions state machine
 * from a running execution").
 */
final class StartExecutionIntegration {
    private final ChildExecutions children;

    StartExecutionIntegration(ChildExecutions children) {
        this.children = children;
    }

    void start(
            StateRun run,
            ResourceArn arn,
            JsonNode parameters,
            Consumer<TaskOutcome> done,
            Consumer<JsonNode> submitted) {
        JsonNode smArn = parameters.get("StateMachineArn");
        if (smArn == null || !smArn.isTextual()) {
            done.accept(
                    TaskOutcome.failure(
                            "StepFunctions.InvalidArnException",
                            "Invalid Arn: 'StateMachineArn' is required (Service: Sfn, Status Code: 400)"));
            return;
        }
        JsonNode input = parameters.get("Input");
        String inputText =
                input == null ? "{}" : input.isTextual() ? input.asText() : Json.write(input);
        JsonNode name = parameters.get("Name");
        ExecutionRun child;
        try {
            child =
                    children.startChild(
                            smArn.asText(), name == null ? null : name.asText(), inputText);
        } catch (StatesFailure f) {
            done.accept(TaskOutcome.failure(f.error(), f.cause()));
            return;
        }
        ExecutionRun parent = run.execution();
        if (arn.pattern() == IntegrationPattern.REQUEST_RESPONSE) {
            ObjectNode out = Json.object();
            out.put("ExecutionArn", child.executionArn());
            out.put("StartDate", child.startDate().toEpochMilli());
            done.accept(TaskOutcome.success(out));
            return;
        }
        if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            ObjectNode out = Json.object();
            out.put("ExecutionArn", child.executionArn());
            out.put("StartDate", child.startDate().toEpochMilli());
            done.accept(TaskOutcome.success(out));
            return;
        }
        ObjectNode started = Json.object();
        started.put("ExecutionArn", child.executionArn());
        started.put("StartDate", child.startDate().toEpochMilli());
        submitted.accept(started);
        boolean json = arn.pattern() == IntegrationPattern.RUN_JOB_JSON;
        run.onAbort(() -> child.stop("States.Aborted", "The parent execution was stopped"));
        child.onCompletion(c -> parent.post(() -> done.accept(outcome(c, json))));
    }

    private static TaskOutcome outcome(ExecutionRun c, boolean json) {
        ObjectNode d = Json.object();
        d.put("ExecutionArn", c.executionArn());
        if (json) {
            d.set("Input", c.input());
        } else {
            d.put("Input", c.inputText());
        }
        d.putObject("InputDetails").put("Included", true);
        d.put("Name", c.name());
        if (c.output() != null) {
            if (json) {
                d.set("Output", c.output());
            } else {
                d.put("Output", Json.write(c.output()));
            }
            d.putObject("OutputDetails").put("Included", true);
        }
        d.put("RedriveCount", 0);
        d.put("RedriveStatus", "NOT_REDRIVABLE");
        d.put("StartDate", c.startDate().toEpochMilli());
        d.put("StateMachineArn", c.stateMachineArn());
        d.put("Status", c.status().name());
        d.put("StopDate", c.stopDate().toEpochMilli());
        if (c.status() == ExecutionStatus.SUCCEEDED) {
            return TaskOutcome.success(d);
        }
        if (c.error() != null) {
            d.put("Error", c.error());
        }
        if (c.cause() != null) {
            d.put("Cause", c.cause());
        }
        return TaskOutcome.failure(StatesErrors.TASK_FAILED, Json.write(d));
    }

    static StatesFailure noSuchMachine(String arn) {
        return new StatesFailure(
                "StepFunctions.StateMachineDoesNotExistException",
                "State Machine Does Not Exist: '" + arn + "' (Service: Sfn, Status Code: 400)");
    }
}
