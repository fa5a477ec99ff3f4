package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.internal.activities.ActivityQueue;
import dev.orderflow.states.internal.activities.ActivityRegistry;
import dev.orderflow.states.internal.eval.DataFlow;
import dev.orderflow.states.internal.exec.EventDetails;
import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.spi.TaskOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * Task states whose Resource is an activity ARN (AWS Developer Guide "Learn about Activities"): the
 * work is queued on the activity until a worker takes it with GetActivityTask and answers with
 * SendTaskSuccess/Failure/Heartbeat on the token it got. History: ActivityScheduled,
 * ActivityStarted (worker name), then ActivitySucceeded, ActivityFailed or ActivityTimedOut;
 * ActivityScheduleFailed when the activity does not exist.
 */
final class ActivityTasks {
    private final ActivityRegistry activities;
    private final TaskTokens tokens;

    ActivityTasks(ActivityRegistry activities, TaskTokens tokens) {
        this.activities = activities;
        this.tokens = tokens;
    }

    void start(StateRun run, String activityArn, Long timeout, Long heartbeat) {
        JsonNode input = DataFlow.parameters(run, DataFlow.effectiveInput(run));
        Optional<ActivityQueue> queue = activities.find(activityArn);
        if (queue.isEmpty()) {
            // The activity was deleted (or never created) after the definition was accepted.
            String cause = "Activity does not exist: '" + activityArn + "'";
            record(
                    run,
                    "ActivityScheduleFailed",
                    EventDetails.errorCause(StatesErrors.RUNTIME, cause));
            run.fail(StatesErrors.RUNTIME, cause);
            return;
        }
        ExecutionRun exec = run.execution();
        String token = tokens.newToken(exec.executionArn());
        run.taskToken(token);
        run.record(
                "ActivityScheduled",
                "activityScheduledEventDetails",
                new EventDetails.Task(null, activityArn, null, "input", input, timeout, heartbeat));
        int attempt = run.attemptNumber();
        if (timeout != null) {
            run.schedule(Duration.ofSeconds(timeout), () -> timedOut(run, token));
        }
        StatesClock.Cancellable[] beat = new StatesClock.Cancellable[1];
        Runnable arm =
                () -> {
                    if (heartbeat == null || !current(run, attempt)) {
                        return;
                    }
                    if (beat[0] != null) {
                        beat[0].cancel();
                    }
                    beat[0] =
                            run.schedule(Duration.ofSeconds(heartbeat), () -> timedOut(run, token));
                };
        tokens.open(
                token,
                new TaskTokens.Pending(
                        exec,
                        outcome -> {
                            if (current(run, attempt)) {
                                finish(run, outcome);
                            }
                        },
                        () -> exec.post(arm)));
        run.onAbort(() -> tokens.close(token));
        queue.get()
                .offer(
                        new ActivityQueue.Scheduled(
                                token,
                                Json.write(input),
                                () -> tokens.peek(token).isPresent(),
                                worker ->
                                        exec.post(
                                                () -> {
                                                    if (current(run, attempt)) {
                                                        started(run, worker);
                                                        // HeartbeatSeconds counts from when a
                                                        // worker has the task.
                                                        arm.run();
                                                    }
                                                })));
    }

    private static boolean current(StateRun run, int attempt) {
        return !run.finished() && run.attemptNumber() == attempt;
    }

    private static void started(StateRun run, String worker) {
        ObjectNode d = Json.object();
        if (worker != null) {
            d.put("workerName", worker);
        }
        record(run, "ActivityStarted", d);
    }

    /** TimeoutSeconds or HeartbeatSeconds passed: {@code States.Timeout}, as Retry/Catch see it. */
    private void timedOut(StateRun run, String token) {
        tokens.close(token);
        record(run, "ActivityTimedOut", EventDetails.errorCause(StatesErrors.TIMEOUT, null));
        run.fail(StatesErrors.TIMEOUT, null);
    }

    private static void finish(StateRun run, TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.Failed f) {
            record(run, "ActivityFailed", EventDetails.errorCause(f.error(), f.cause()));
            run.fail(f.error(), f.cause());
            return;
        }
        JsonNode result = ((TaskOutcome.Succeeded) outcome).output();
        if (Json.exceeds(result, Quotas.PAYLOAD_BYTES)) {
            String cause =
                    "The state/task 'activity' returned a result with a size exceeding the maximum number of bytes service limit.";
            record(
                    run,
                    "ActivityFailed",
                    EventDetails.errorCause(StatesErrors.DATA_LIMIT_EXCEEDED, cause));
            run.fail(StatesErrors.DATA_LIMIT_EXCEEDED, cause);
            return;
        }
        run.record(
                "ActivitySucceeded",
                "activitySucceededEventDetails",
                new EventDetails.Task(null, null, null, "output", result, null, null));
        try {
            DataFlow.Completion done = DataFlow.withResult(run, result);
            run.succeed(done.output(), null, done.assign());
        } catch (StatesFailure f) {
            run.fail(f);
        }
    }

    private static void record(StateRun run, String type, ObjectNode details) {
        run.record(
                type,
                Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails",
                details);
    }
}
