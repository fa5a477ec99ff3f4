package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.jsonata.JsonataScope;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.paths.PathRoots;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One entry into one state: evaluates it (possibly over several attempts), applies Retry and Catch,
 * records the history events and hands the output to the branch.
 */
public final class StateRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StateRun.class);

    private final BranchRun branch;
    private final State state;
    private final JsonNode rawInput;
    private final Instant enteredTime;
    private final ErrorHandling errors = new ErrorHandling(this);
    private StateTimers timers;
    private int attempt;
    private boolean finished;
    private final ChildBranches children;
    private Runnable onAbort;
    private String taskToken;
    private long enteredEventId;

    private Instant resumedWaitDeadline;

    StateRun(BranchRun branch, State state, JsonNode rawInput) {
        this(branch, state, rawInput, branch.execution().services().clock().now());
    }

    StateRun(BranchRun branch, State state, JsonNode rawInput, Instant enteredTime) {
        this.branch = branch;
        this.state = state;
        this.rawInput = rawInput;
        this.enteredTime = enteredTime;
        this.children = new ChildBranches(this, branch);
    }

    /** Continues this state after a restart (its StateEntered event is already in the history). */
    void resume(ResumePoint point) {
        enteredEventId = point.enteredEventId();
        if (point.retryCounts() != null) {
            errors.restore(point.retryCounts(), point.retryCount());
        }
        LOG.info(
                "execution={} state={} resumed after a restart",
                execution().executionArn(),
                state.name());
        if (point.token() != null && state instanceof State.Task) {
            attempt++;
            try {
                services().tasks().resumeParked(this, point);
            } catch (StatesFailure f) {
                fail(f);
            }
        } else if (point.retryDue() != null) {
            schedule(untilNow(point.retryDue()), this::attempt);
        } else {
            resumedWaitDeadline = point.waitDeadline();
            attempt();
        }
    }

    private Duration untilNow(Instant deadline) {
        Duration d = Duration.between(services().clock().now(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** For a Wait state resumed after a restart: the deadline it had, else null. */
    public Instant resumedWaitDeadline() {
        return resumedWaitDeadline;
    }

    /** True when this state runs at the top level of the execution (it is checkpointed). */
    public boolean topLevel() {
        return branch.topLevel();
    }

    /** The journal of the engine. */
    public ExecutionJournal journal() {
        return services().journal();
    }

    void begin() {
        if (LOG.isInfoEnabled()) {
            LOG.info(
                    "execution={} state={} type={} entered",
                    execution().executionArn(),
                    state.name(),
                    state.common().type());
        }
        enteredEventId =
                branch.record(
                        EventNames.entered(state),
                        "stateEnteredEventDetails",
                        new EventDetails.StatePayload(state.name(), "input", rawInput));
        if (topLevel() && journal().enabled()) {
            journal()
                    .entered(
                            execution().executionArn(),
                            state.name(),
                            rawInput,
                            branch.variables().visible(),
                            enteredTime,
                            enteredEventId);
        }
        attempt();
    }

    private void attempt() {
        if (finished) {
            return;
        }
        children.newAttempt(attempt > 0);
        attempt++;
        try {
            services().kinds().attempt(this);
        } catch (StatesFailure f) {
            fail(f);
        }
    }

    /**
     * Fails the current attempt with {@code f}. A JSONata evaluation failure is first recorded as
     * an {@code EvaluationFailed} event (AWS API reference "EvaluationFailedEventDetails").
     */
    public void fail(StatesFailure f) {
        if (finished) {
            return;
        }
        recordEvaluationFailure(f);
        fail(f.error(), describe(f));
    }

    void recordEvaluationFailure(StatesFailure f) {
        if (f.error().equals(StatesErrors.QUERY_EVALUATION_ERROR)) {
            var details = f.detailsIn(state.name(), enteredEventId);
            record("EvaluationFailed", "evaluationFailedEventDetails", details);
        }
    }

    /** The failure's cause as AWS reports it for this state. */
    public String describe(StatesFailure f) {
        return f.causeIn(state.name(), enteredEventId);
    }

    /**
     * Completes the state successfully. {@code next} overrides the state's own transition (Choice);
     * {@code assign} holds variables to set, evaluated before this call.
     */
    public void succeed(JsonNode output, String next, Map<String, JsonNode> assign) {
        if (finished) {
            return;
        }
        if (Json.exceeds(output, Quotas.PAYLOAD_BYTES)) {
            fail(
                    StatesErrors.DATA_LIMIT_EXCEEDED,
                    "The state/task '"
                            + state.name()
                            + "' returned a result with a size exceeding the maximum number of bytes service limit.");
            return;
        }
        finished = true;
        cancelTimers();
        if (assign != null) {
            branch.variables().assignAll(assign);
        }
        recordExit(output);
        String target = next != null ? next : state.common().next();
        branch.transition(state instanceof State.Succeed ? null : target, output);
    }

    private void recordExit(JsonNode output) {
        branch.record(
                EventNames.exited(state),
                "stateExitedEventDetails",
                new EventDetails.StatePayload(state.name(), "output", output));
    }

    /** Fails the current attempt; Retry and Catch decide what happens next. */
    public void fail(String error, String cause) {
        if (finished) {
            return;
        }
        cancelTimers();
        abortChildren();
        errors.failed(error, cause, this::attempt);
    }

    /** Ends the state with {@code error}, which no Retry or Catch took: the branch fails. */
    void finishFailed(String error, String cause) {
        finished = true;
        branch.fail(error, cause);
    }

    /** Ends the state through a Catch: its variables, output and Next. */
    void finishCaught(CatchResult r, String next) {
        finished = true;
        if (r.assign() != null) {
            branch.variables().assignAll(r.assign());
        }
        recordExit(r.output());
        branch.transition(next, r.output());
    }

    /** Runs {@code action} on the mailbox after {@code delay} unless the state ends first. */
    public StatesClock.Cancellable schedule(Duration delay, Runnable action) {
        if (timers == null) {
            timers = new StateTimers(branch.execution(), () -> finished);
        }
        return timers.schedule(delay, action);
    }

    /**
     * Redrives this state as the failed {@code failedRun} of it (RedriveExecution): the first
     * attempt keeps the results of the iterations/branches that succeeded there ({@link
     * ChildBranches#redrivenOutput(int)}) and redrives the others from where they stopped; a
     * DISTRIBUTED Map redrives its Map Run ({@link ChildBranches#redrivenMapRun()}).
     */
    void redriving(StateRun failedRun) {
        // EXPRESS children of a Map Run are started again (AWS docs "Redriving Map Runs"); STANDARD
        // ones, like INLINE iterations, are redriven from where they stopped.
        boolean fromStart =
                state instanceof State.Map map && map.distributed() && map.expressChildren();
        children.redrive(failedRun.children, fromStart);
    }

    /**
     * The Map iterations / Parallel branches (or DISTRIBUTED Map children) this state starts, and
     * what a redrive keeps of those of its failed run.
     */
    public ChildBranches children() {
        return children;
    }

    /** Makes the next event of this state follow {@code eventId}. */
    public void follow(long eventId) {
        branch.follow(eventId);
    }

    /** Registers a hook run when the state is aborted or fails (used to drop task tokens). */
    public void onAbort(Runnable hook) {
        this.onAbort = hook;
    }

    void abort() {
        if (finished) {
            return;
        }
        finished = true;
        cancelTimers();
        abortChildren();
    }

    /**
     * Aborts the state and records it as cut by StopExecution, every event following {@code
     * previous}: the Map iterations / Parallel branches in flight first (each with what it was
     * running), then a DISTRIBUTED Map's {@code MapRunAborted}, then the state's own {@code
     * <Type>StateAborted}. AWS records the same events when a failing Map iteration cuts the others
     * (iteration before the state it was in); their order on StopExecution is not documented.
     */
    void cut(long previous) {
        if (finished) {
            return;
        }
        boolean mapRunning = children.any();
        children.cutAll(previous, state.name());
        if (mapRunning && state instanceof State.Map map && map.distributed()) {
            branch.recordAfter(previous, "MapRunAborted", null, null);
        }
        abort();
        String aborted = EventNames.aborted(state);
        if (aborted != null) {
            branch.recordAfter(previous, aborted, null, null);
        }
    }

    private void abortChildren() {
        children.abortAll();
        if (onAbort != null) {
            Runnable hook = onAbort;
            onAbort = null;
            hook.run();
        }
    }

    private void cancelTimers() {
        if (timers != null) {
            timers.cancelAll();
        }
    }

    /** Records a Map iteration event ({@code name}, {@code index} details) on this branch. */
    public long recordIteration(String type, String field, int index) {
        return branch.record(type, field, new EventDetails.Iteration(state.name(), index));
    }

    /**
     * Records a history event on this branch and returns its id; {@code details} is null, a {@link
     * JsonNode} or {@link HistoryLog.Details} rendered when the history is read.
     */
    public long record(String type, String field, Object details) {
        return branch.record(type, field, details);
    }

    /** Path roots for {@code value} with this state's context object and variables. */
    public PathRoots roots(JsonNode value) {
        VariableScope vars = branch.variables();
        return new PathRoots(value, this::contextObject, vars::get);
    }

    /** JSONata scope with {@code $states} built from the given parts (nulls are omitted). */
    public JsonataScope jsonataScope(JsonNode result, JsonNode errorOutput) {
        ObjectNode states = Json.object();
        states.set("input", rawInput);
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        states.set("context", contextObject());
        return new JsonataScope(states, branch.variables().visible());
    }

    /** The context object ({@code $$}) as AWS documents it. */
    public ObjectNode contextObject() {
        return ContextObject.of(
                branch.execution(),
                branch.childExecution(),
                state.name(),
                enteredTime,
                errors.retryCount(),
                taskToken,
                branch.mapItem());
    }

    /** Sets the task token exposed as {@code $$.Task.Token}. */
    public void taskToken(String token) {
        this.taskToken = token;
    }

    /** The state being run. */
    public State state() {
        return state;
    }

    /** The state's raw input. */
    public JsonNode rawInput() {
        return rawInput;
    }

    /** The attempt number, from 1. */
    public int attemptNumber() {
        return attempt;
    }

    /** True once the state has completed, failed or been aborted. */
    public boolean finished() {
        return finished;
    }

    /**
     * The ARN of the execution this state runs in as its tasks see it ({@code $$.Execution.Id}): a
     * DISTRIBUTED Map's child execution's own, else the execution's.
     */
    public String contextExecutionArn() {
        ChildExecutionHistory child = branch.childExecution();
        return child == null ? execution().executionArn() : child.identity().arn();
    }

    /** The execution. */
    public ExecutionRun execution() {
        return branch.execution();
    }

    /** The engine services. */
    public EngineServices services() {
        return branch.execution().services();
    }
}
