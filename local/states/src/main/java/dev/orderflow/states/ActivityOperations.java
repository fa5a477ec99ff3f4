package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ActivityDescription;
import dev.orderflow.states.api.ActivityTask;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** CreateActivity, DescribeActivity, ListActivities, DeleteActivity and GetActivityTask. */
final class ActivityOperations {
    private final Activities activities;

    ActivityOperations(StepFunctionsEngine engine) {
        this.activities = engine.activities();
    }

    /** The answer to {@code op}, or null when it is not an activity operation. */
    JsonNode dispatch(String op, JsonNode r) {
        return switch (op) {
            case "CreateActivity" -> {
                checkTags(r);
                ActivityDescription d = activities.create(Shapes.required(r, "name"));
                ObjectNode out = Json.object();
                out.put("activityArn", d.activityArn());
                out.put("creationDate", Shapes.time(d.creationDate()));
                yield out;
            }
            case "DescribeActivity" ->
                    described(activities.describe(Shapes.required(r, "activityArn")));
            case "ListActivities" -> list(r);
            case "DeleteActivity" -> {
                activities.delete(Shapes.required(r, "activityArn"));
                yield Json.object();
            }
            case "GetActivityTask" -> getTask(r);
            default -> null;
        };
    }

    private static ObjectNode described(ActivityDescription d) {
        ObjectNode out = Json.object();
        out.put("activityArn", d.activityArn());
        out.put("name", d.name());
        out.put("creationDate", Shapes.time(d.creationDate()));
        return out;
    }

    private JsonNode list(JsonNode r) {
        List<ActivityDescription> all = activities.list();
        Operations.Page page = Operations.Page.of(r, all.size());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("activities");
        all.subList(page.from(), page.to()).forEach(d -> list.add(described(d)));
        page.next().ifPresent(n -> out.put("nextToken", n));
        return out;
    }

    /**
     * Waits on this HTTP worker thread (the front server has one per request in progress), never on
     * an engine worker: the engine completes the poll's future when a task is scheduled or the poll
     * times out. A poll with nothing answers without {@code taskToken} and {@code input} (AWS: "a
     * taskToken with a null string").
     */
    private JsonNode getTask(JsonNode r) {
        String arn = Shapes.required(r, "activityArn");
        String worker = Shapes.optional(r, "workerName").orElse(null);
        if (worker != null && worker.length() > 80) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: Value at 'workerName' failed to satisfy constraint: Member must have length less than or equal to 80");
        }
        ActivityTask task;
        try {
            task =
                    activities
                            .getTask(arn, worker)
                            .get(
                                    activities.pollTimeout().toMillis() + 5_000,
                                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task = ActivityTask.none();
        } catch (ExecutionException | TimeoutException e) {
            task = ActivityTask.none();
        }
        ObjectNode out = Json.object();
        task.taskToken().ifPresent(t -> out.put("taskToken", t));
        task.input().ifPresent(i -> out.put("input", i));
        return out;
    }

    /** AWS API reference Tag: an array of {key, value}; accepted and not kept. */
    private static void checkTags(JsonNode r) {
        JsonNode tags = r.get("tags");
        if (tags != null && !tags.isNull() && !tags.isArray()) {
            throw new StepFunctionsException(
                    "ValidationException", "1 validation error detected: 'tags' must be a list");
        }
    }
}
