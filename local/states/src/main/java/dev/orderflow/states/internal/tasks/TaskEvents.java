package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;

/**
 * Records a Task's history events: {@code Task*} events for service integrations, {@code
 * LambdaFunction*} events for bare function ARNs (AWS docs "HistoryEvent").
 */
final class TaskEvents {
    private final StateRun run;
    private final ResourceArn arn;

    TaskEvents(StateRun run, ResourceArn arn) {
        this.run = run;
        this.arn = arn;
    }

    private ObjectNode base() {
        ObjectNode d = Json.object();
        d.put(
                "resourceType",
                arn.service().equals("aws-sdk")
                        ? "aws-sdk:" + arn.action().split(":")[0]
                        : arn.service());
        String action =
                arn.service().equals("aws-sdk") ? arn.action().split(":", 2)[1] : arn.action();
        d.put("resource", action + arn.pattern().suffix());
        return d;
    }

    void scheduled(JsonNode parameters, Long timeout, Long heartbeat) {
        if (arn.bareFunction()) {
            ObjectNode d = Json.object();
            d.put("resource", arn.raw());
            d.put("input", Json.write(parameters));
            d.putObject("inputDetails").put("truncated", false);
            if (timeout != null) {
                d.put("timeoutInSeconds", timeout);
            }
            run.record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", d);
            return;
        }
        ObjectNode d = base();
        d.put("region", run.services().region());
        d.put("parameters", Json.write(parameters));
        if (timeout != null) {
            d.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null) {
            d.put("heartbeatInSeconds", heartbeat);
        }
        run.record("TaskScheduled", "taskScheduledEventDetails", d);
    }

    void started() {
        if (arn.bareFunction()) {
            run.record("LambdaFunctionStarted", null, null);
        } else {
            run.record("TaskStarted", "taskStartedEventDetails", base());
        }
    }

    void submitted(JsonNode output) {
        ObjectNode d = base();
        d.put("output", Json.write(output));
        d.putObject("outputDetails").put("truncated", false);
        run.record("TaskSubmitted", "taskSubmittedEventDetails", d);
    }

    void succeeded(JsonNode output) {
        ObjectNode d = arn.bareFunction() ? Json.object() : base();
        d.put("output", Json.write(output));
        d.putObject("outputDetails").put("truncated", false);
        if (arn.bareFunction()) {
            run.record("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", d);
        } else {
            run.record("TaskSucceeded", "taskSucceededEventDetails", d);
        }
    }

    void failed(String error, String cause) {
        ObjectNode d = arn.bareFunction() ? Json.object() : base();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        if (arn.bareFunction()) {
            run.record("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", d);
        } else {
            run.record("TaskFailed", "taskFailedEventDetails", d);
        }
    }

    void timedOut(String error) {
        ObjectNode d = arn.bareFunction() ? Json.object() : base();
        d.put("error", error);
        if (arn.bareFunction()) {
            run.record("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails", d);
        } else {
            run.record("TaskTimedOut", "taskTimedOutEventDetails", d);
        }
    }
}
