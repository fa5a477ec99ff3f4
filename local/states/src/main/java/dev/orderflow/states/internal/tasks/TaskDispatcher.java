package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.internal.activities.ActivityRegistry;
import dev.orderflow.states.internal.eval.DataFlow;
import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.exec.ResumePoint;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.exec.TaskGateway;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.spi.IntegrationPattern;
import dev.orderflow.states.spi.TaskInvoker;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs Task states (ASL spec "Task State"; AWS docs "Integrating services"): builds the request,
 * records the Task/LambdaFunction events, applies TimeoutSeconds and HeartbeatSeconds, and waits
 * for task tokens.
 */
public final class TaskDispatcher implements TaskGateway {
    private final TaskInvoker invoker;
    private final Executor blockingCalls;
    private final TaskTokens tokens;
    private final MockResponder mocks;
    private final StartExecutionIntegration startExecution;
    private final ActivityTasks activityTasks;
    private final Map<String, TaskEvents.Resource> resources = new ConcurrentHashMap<>();

    /** Creates the dispatcher. */
    public TaskDispatcher(
            TaskInvoker invoker,
            Executor blockingCalls,
            TaskTokens tokens,
            MockResponder mocks,
            ChildExecutions children,
            ActivityRegistry activities) {
        this.invoker = invoker;
        this.blockingCalls = blockingCalls;
        this.tokens = tokens;
        this.mocks = mocks;
        this.startExecution = new StartExecutionIntegration(children);
        this.activityTasks = new ActivityTasks(activities, tokens);
    }

    @Override
    public void start(StateRun run) {
        State.Task task = (State.Task) run.state();
        TaskEvents.Resource resource = resourceOf(task);
        ResourceArn arn = resource.arn();
        if (arn.activity()) {
            activityTasks.start(
                    run,
                    task.resource(),
                    TaskTimeouts.timeoutOf(run, task),
                    TaskTimeouts.heartbeatOf(run, task));
            return;
        }
        TaskEvents events = new TaskEvents(run, resource);
        String token = null;
        if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            token = tokens.newToken(run.execution().executionArn());
            run.taskToken(token);
        }
        JsonNode parameters = DataFlow.parameters(run, DataFlow.effectiveInput(run));
        Long timeout = TaskTimeouts.timeoutOf(run, task);
        Long heartbeat = TaskTimeouts.heartbeatOf(run, task);
        if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN
                && !mentions(parameters, token)) {
            throw StatesFailure.runtime(
                    "The task token ($$.Task.Token) must be passed in the parameters of a .waitForTaskToken task");
        }
        events.scheduled(parameters, timeout, heartbeat);
        events.started();
        int attempt = run.attemptNumber();
        if (timeout != null) {
            run.schedule(
                    Duration.ofSeconds(timeout),
                    () -> {
                        events.timedOut(StatesErrors.TIMEOUT);
                        run.fail(StatesErrors.TIMEOUT, null);
                    });
        }
        String tokenFinal = token;
        Consumer<TaskOutcome> onOutcome =
                outcome -> {
                    if (run.finished() || run.attemptNumber() != attempt) {
                        return;
                    }
                    handle(run, events, arn, outcome, tokenFinal);
                };
        ExecutionRun exec = run.execution();
        Optional<TaskOutcome> mocked =
                exec.identity().mockTestCase() == null
                        ? Optional.empty()
                        : mocks.respond(
                                exec.identity().machine().name(),
                                exec.identity().mockTestCase(),
                                run.state().name(),
                                attempt - 1);
        if (mocked.isPresent()) {
            if (mocked.get() instanceof TaskOutcome.Succeeded
                    && arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
                events.submitted(Json.object());
            }
            finish(run, events, arn, mocked.get(), true);
            return;
        }
        if (arn.service().equals("states") && arn.action().equals("startExecution")) {
            String parkedToken = token;
            startExecution.start(
                    run,
                    arn,
                    parameters,
                    onOutcome,
                    output -> submitted(run, events, output, parkedToken));
            if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
                park(run, events, arn, token, heartbeat, null);
            }
            return;
        }
        TaskRequest request =
                new TaskRequest(
                        task.resource(),
                        arn.service(),
                        arn.action(),
                        arn.pattern(),
                        parameters,
                        arn.bareFunction() ? Optional.of(task.resource()) : Optional.empty(),
                        Optional.ofNullable(token),
                        run.contextExecutionArn(),
                        run.state().name());
        if (token != null) {
            park(run, events, arn, token, heartbeat, null);
        }
        if (exec.services().clock().runsInline() || exec.services().workers() == null) {
            onOutcome.accept(call(request));
        } else {
            callAsync(request).thenAccept(outcome -> exec.post(() -> onOutcome.accept(outcome)));
        }
    }

    @Override
    public void resumeParked(StateRun run, ResumePoint point) {
        State.Task task = (State.Task) run.state();
        TaskEvents.Resource resource = resourceOf(task);
        ResourceArn arn = resource.arn();
        TaskEvents events = new TaskEvents(run, resource);
        run.taskToken(point.token());
        Long timeout = TaskTimeouts.timeoutOf(run, task);
        Long heartbeat = TaskTimeouts.heartbeatOf(run, task);
        if (timeout != null) {
            run.schedule(
                    until(run, point.parkedAt().plusSeconds(timeout)),
                    () -> {
                        events.timedOut(StatesErrors.TIMEOUT);
                        run.fail(StatesErrors.TIMEOUT, null);
                    });
        }
        park(
                run,
                events,
                arn,
                point.token(),
                heartbeat,
                point.lastHeartbeat() != null ? point.lastHeartbeat() : point.parkedAt());
    }

    private static Duration until(StateRun run, Instant deadline) {
        Duration d = Duration.between(run.services().clock().now(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The resource accepted the token: from here on a restart waits for that same token. */
    private static void submitted(StateRun run, TaskEvents events, JsonNode output, String token) {
        events.submitted(output);
        if (token != null && run.topLevel() && run.journal().enabled()) {
            run.journal()
                    .parked(run.execution().executionArn(), token, run.services().clock().now());
        }
    }

    /**
     * Opens {@code token}; with HeartbeatSeconds, the first window ends {@code heartbeat} seconds
     * after {@code heartbeatFrom} (a restored task's last heartbeat), or from now when null.
     */
    private void park(
            StateRun run,
            TaskEvents events,
            ResourceArn arn,
            String token,
            Long heartbeat,
            Instant heartbeatFrom) {
        ExecutionRun exec = run.execution();
        int attempt = run.attemptNumber();
        StatesClock.Cancellable[] timer = new StatesClock.Cancellable[1];
        Consumer<Duration> arm =
                window -> {
                    if (heartbeat == null) {
                        return;
                    }
                    if (timer[0] != null) {
                        timer[0].cancel();
                    }
                    // A heartbeat restarts the HeartbeatSeconds window; TimeoutSeconds keeps
                    // running.
                    timer[0] =
                            run.schedule(
                                    window,
                                    () -> {
                                        tokens.close(token);
                                        events.timedOut(StatesErrors.HEARTBEAT_TIMEOUT);
                                        run.fail(StatesErrors.HEARTBEAT_TIMEOUT, null);
                                    });
                };
        tokens.open(
                token,
                new TaskTokens.Pending(
                        exec,
                        outcome -> {
                            if (!run.finished() && run.attemptNumber() == attempt) {
                                finish(run, events, arn, outcome, false);
                            }
                        },
                        () ->
                                exec.post(
                                        () -> {
                                            if (!run.finished() && run.attemptNumber() == attempt) {
                                                if (run.topLevel() && run.journal().enabled()) {
                                                    run.journal()
                                                            .heartbeat(
                                                                    exec.executionArn(),
                                                                    run.services().clock().now());
                                                }
                                                if (heartbeat != null) {
                                                    arm.accept(Duration.ofSeconds(heartbeat));
                                                }
                                            }
                                        })));
        run.onAbort(() -> tokens.close(token));
        if (heartbeat != null) {
            arm.accept(
                    heartbeatFrom == null
                            ? Duration.ofSeconds(heartbeat)
                            : until(run, heartbeatFrom.plusSeconds(heartbeat)));
        }
    }

    /** The call runs off the workers; its outcome comes back through the execution's mailbox. */
    private CompletionStage<TaskOutcome> callAsync(TaskRequest request) {
        CompletionStage<TaskOutcome> pending;
        try {
            pending = invoker.invokeAsync(request, blockingCalls);
        } catch (RuntimeException e) {
            pending = CompletableFuture.failedFuture(e);
        }
        return pending.handle(TaskDispatcher::settled);
    }

    private TaskOutcome call(TaskRequest request) {
        try {
            return settled(invoker.invoke(request), null);
        } catch (RuntimeException e) {
            return settled(null, e);
        }
    }

    /**
     * What an invoker's answer means for the task, called either way: a thrown exception is {@code
     * States.TaskFailed} with its message as cause, as is an invoker that answered nothing.
     */
    private static TaskOutcome settled(TaskOutcome outcome, Throwable thrown) {
        if (thrown != null) {
            Throwable cause =
                    thrown instanceof CompletionException && thrown.getCause() != null
                            ? thrown.getCause()
                            : thrown;
            return TaskOutcome.failure(
                    StatesErrors.TASK_FAILED, String.valueOf(cause.getMessage()));
        }
        return outcome != null
                ? outcome
                : TaskOutcome.failure(
                        StatesErrors.TASK_FAILED, "The task invoker returned no outcome");
    }

    private void handle(
            StateRun run, TaskEvents events, ResourceArn arn, TaskOutcome outcome, String token) {
        if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN
                && outcome instanceof TaskOutcome.Succeeded s) {
            submitted(run, events, s.output(), token);
            return;
        }
        if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            tokens.close(token);
        }
        finish(run, events, arn, outcome, false);
    }

    private void finish(
            StateRun run, TaskEvents events, ResourceArn arn, TaskOutcome outcome, boolean mocked) {
        if (outcome instanceof TaskOutcome.Failed f) {
            events.failed(f.error(), f.cause());
            run.fail(f.error(), f.cause());
            return;
        }
        JsonNode result = ((TaskOutcome.Succeeded) outcome).output();
        if (arn.service().equals("lambda")
                && !arn.bareFunction()
                && !mocked
                && arn.pattern() == IntegrationPattern.REQUEST_RESPONSE) {
            result = ServiceResponses.lambdaInvoke(result, run.services().random());
        }
        if (Json.exceeds(result, Quotas.PAYLOAD_BYTES)) {
            // Recorded AWS histories (LocalStack test_states_errors snapshots): the task fails
            // with a TaskFailed / LambdaFunctionFailed event naming the service ('lambda') or, for
            // a bare function ARN, the function, and Catch sees it like any task failure.
            String cause =
                    "The state/task '"
                            + (arn.bareFunction() ? arn.raw() : arn.service())
                            + "' returned a result with a size exceeding the maximum number of bytes service limit.";
            events.failed(StatesErrors.DATA_LIMIT_EXCEEDED, cause);
            run.fail(StatesErrors.DATA_LIMIT_EXCEEDED, cause);
            return;
        }
        events.succeeded(result);
        try {
            DataFlow.Completion done = DataFlow.withResult(run, result);
            run.succeed(done.output(), null, done.assign());
        } catch (StatesFailure f) {
            run.fail(f);
        }
    }

    private static boolean mentions(JsonNode parameters, String token) {
        if (parameters == null) {
            return false;
        }
        if (parameters.isTextual()) {
            return parameters.asText().contains(token);
        }
        for (JsonNode child : parameters) {
            if (mentions(child, token)) {
                return true;
            }
        }
        return false;
    }

    /** The task's resource, parsed once per resource string (validation rejected bad ones). */
    private TaskEvents.Resource resourceOf(State.Task task) {
        TaskEvents.Resource known = resources.get(task.resource());
        if (known != null) {
            return known;
        }
        TaskEvents.Resource parsed =
                TaskEvents.Resource.of(
                        ResourceArn.parse(task.resource())
                                .orElseThrow(
                                        () ->
                                                StatesFailure.runtime(
                                                        "The resource "
                                                                + task.resource()
                                                                + " is not supported")));
        resources.putIfAbsent(task.resource(), parsed);
        return parsed;
    }
}
