package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.exec.EventDetails;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;

/**
 * Records a Task's history events: {@code Task*} events for service integrations, {@code
 * LambdaFunction*} events for bare function ARNs (AWS docs "HistoryEvent"). Payloads are kept as
 * trees and written out only when the history is read.
 */
final class TaskEvents {
    /** A resource as the Task events name it; parsed once per resource string. */
    record Resource(ResourceArn arn, String resourceType, String resource) {
        static Resource of(ResourceArn arn) {
            boolean sdk = arn.service().equals("aws-sdk");
            return new Resource(
                    arn,
                    sdk ? "aws-sdk:" + arn.action().split(":", 2)[0] : arn.service(),
                    (sdk ? arn.action().split(":", 2)[1] : arn.action()) + arn.pattern().suffix());
        }
    }

    private final StateRun run;
    private final Resource resource;
    private final boolean bare;

    TaskEvents(StateRun run, Resource resource) {
        this.run = run;
        this.resource = resource;
        this.bare = resource.arn().bareFunction();
    }

    private EventDetails.Task details(String field, JsonNode payload) {
        return new EventDetails.Task(
                resource.resourceType(), resource.resource(), null, field, payload, null, null);
    }

    private ObjectNode base() {
        ObjectNode d = Json.object();
        d.put("resourceType", resource.resourceType());
        d.put("resource", resource.resource());
        return d;
    }

    void scheduled(JsonNode parameters, Long timeout, Long heartbeat) {
        if (bare) {
            run.record(
                    "LambdaFunctionScheduled",
                    "lambdaFunctionScheduledEventDetails",
                    new EventDetails.Task(
                            null, resource.arn().raw(), null, "input", parameters, timeout, null));
            return;
        }
        run.record(
                "TaskScheduled",
                "taskScheduledEventDetails",
                new EventDetails.Task(
                        resource.resourceType(),
                        resource.resource(),
                        run.services().region(),
                        "parameters",
                        parameters,
                        timeout,
                        heartbeat));
    }

    void started() {
        if (bare) {
            run.record("LambdaFunctionStarted", null, null);
        } else {
            run.record("TaskStarted", "taskStartedEventDetails", details(null, null));
        }
    }

    void submitted(JsonNode output) {
        run.record("TaskSubmitted", "taskSubmittedEventDetails", details("output", output));
    }

    void succeeded(JsonNode output) {
        if (bare) {
            run.record(
                    "LambdaFunctionSucceeded",
                    "lambdaFunctionSucceededEventDetails",
                    new EventDetails.Task(null, null, null, "output", output, null, null));
        } else {
            run.record("TaskSucceeded", "taskSucceededEventDetails", details("output", output));
        }
    }

    void failed(String error, String cause) {
        ObjectNode d = bare ? Json.object() : base();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        if (bare) {
            run.record("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", d);
        } else {
            run.record("TaskFailed", "taskFailedEventDetails", d);
        }
    }

    void timedOut(String error) {
        ObjectNode d = bare ? Json.object() : base();
        d.put("error", error);
        if (bare) {
            run.record("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails", d);
        } else {
            run.record("TaskTimedOut", "taskTimedOutEventDetails", d);
        }
    }
}
