package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.util.function.Consumer;

/**
 * Runs the states of one scope (the top level, a Parallel branch, a Map iteration or a DISTRIBUTED
 * Map's child execution) one after another on the execution's mailbox, recording into the
 * execution's history or, for a child execution, into the child's own.
 */
public final class BranchRun {
    private final ExecutionRun execution;
    private final StateMachineDef definition;
    private final VariableScope variables;
    private final int mapIndex;
    private final int slot;
    private JsonNode mapValue;
    private final Consumer<BranchOutcome> onDone;
    private final HistoryLog history;
    // The child execution this branch is the top level of, else null.
    private final ChildExecutionHistory own;
    // The DISTRIBUTED Map child execution this branch runs in (own, or an enclosing one), or null.
    private final ChildExecutionHistory within;
    private long lastEventId;
    private StateRun current;
    private boolean done;
    private String failedState;
    private JsonNode failedInput;
    private StateRun failedRun;
    private JsonNode succeededOutput;
    // The state the branch is about to enter, between a state's end and the next one's start.
    private String pendingState;
    private JsonNode pendingInput;

    BranchRun(
            ExecutionRun execution,
            StateMachineDef definition,
            VariableScope variables,
            int mapIndex,
            Consumer<BranchOutcome> onDone) {
        this(
                execution,
                definition,
                variables,
                mapIndex,
                -1,
                execution.history(),
                null,
                null,
                onDone);
    }

    /**
     * A branch in {@code slot} of its state (a Map iteration's index, a Parallel branch's) that
     * records into {@code history}; {@code own} is not null when the branch is a child execution of
     * its own and {@code history} is that child's; {@code within} is the child execution the branch
     * runs in ({@code own}, or the one its enclosing branch runs in), or null.
     */
    BranchRun(
            ExecutionRun execution,
            StateMachineDef definition,
            VariableScope variables,
            int mapIndex,
            int slot,
            HistoryLog history,
            ChildExecutionHistory own,
            ChildExecutionHistory within,
            Consumer<BranchOutcome> onDone) {
        this.execution = execution;
        this.definition = definition;
        this.variables = variables;
        this.mapIndex = mapIndex;
        this.slot = slot;
        this.history = history;
        this.own = own;
        this.within = within;
        this.onDone = onDone;
    }

    void start(JsonNode input, long previousEventId) {
        lastEventId = previousEventId;
        mapValue = input;
        execution.post(() -> enter(definition.startAt(), input));
    }

    /** A finished top-level branch that failed at {@code state} (restored for a redrive). */
    static BranchRun failedAt(
            ExecutionRun execution,
            StateMachineDef definition,
            VariableScope variables,
            String state,
            JsonNode input) {
        BranchRun b = new BranchRun(execution, definition, variables, -1, o -> {});
        b.done = true;
        b.failedState = state;
        b.failedInput = input;
        return b;
    }

    /** Continues a restored execution in {@code point.state()} (runs on the mailbox already). */
    void resumeAt(ResumePoint point, long previousEventId) {
        lastEventId = previousEventId;
        current =
                new StateRun(
                        this, definition.state(point.state()), point.input(), point.enteredAt());
        current.resume(point);
    }

    /** True for the top-level branch of an execution (not a Parallel branch or Map iteration). */
    boolean topLevel() {
        return execution.rootBranch() == this;
    }

    /**
     * Starts at {@code stateName} instead of StartAt (redrive); {@code failedRun}, when known, is
     * the run of that state that failed, whose successful iterations/branches are kept.
     */
    void startAt(String stateName, JsonNode input, long previousEventId, StateRun failedRun) {
        lastEventId = previousEventId;
        execution.post(() -> enter(stateName, input, failedRun));
    }

    /**
     * Redrives {@code failed}, this branch's counterpart in the failed attempt: at the state it
     * failed or was stopped in, with its input, or from StartAt when it had entered none.
     */
    void redriveFrom(BranchRun failed, long previousEventId) {
        lastEventId = previousEventId;
        mapValue = failed.mapValue;
        if (failed.failedState == null) {
            execution.post(() -> enter(definition.startAt(), failed.mapValue, null));
        } else {
            execution.post(() -> enter(failed.failedState, failed.failedInput, failed.failedRun));
        }
    }

    private void enter(String stateName, JsonNode input) {
        enter(stateName, input, null);
    }

    private void enter(String stateName, JsonNode input, StateRun failedRun) {
        if (done) {
            return;
        }
        current = new StateRun(this, definition.state(stateName), input);
        if (failedRun != null) {
            current.redriving(failedRun);
        }
        current.begin();
    }

    void transition(String next, JsonNode output) {
        if (done) {
            return;
        }
        pendingState = next;
        pendingInput = output;
        if (next == null) {
            finish(BranchOutcome.success(output));
        } else {
            execution.post(() -> enter(next, output));
        }
    }

    void fail(String error, String cause) {
        finish(BranchOutcome.failure(error, cause));
    }

    private void finish(BranchOutcome outcome) {
        if (done) {
            return;
        }
        done = true;
        if (outcome.failed() && current != null) {
            failedState = current.state().name();
            failedInput = current.rawInput();
            failedRun = current;
        } else if (!outcome.failed()) {
            succeededOutput = outcome.output();
        }
        current = null;
        if (own != null) {
            own.ended(execution.services().clock().now(), outcome);
        }
        onDone.accept(outcome);
    }

    /**
     * Stops the branch and everything under it; its callback is not called. A child execution is
     * recorded as cut (see {@link #cut(long, String)}): it ends ABORTED in its own history.
     */
    void abort() {
        if (own != null) {
            cut(0, null);
        }
        if (done) {
            return;
        }
        done = true;
        if (current != null) {
            stoppedIn(current);
            current.abort();
            current = null;
        }
    }

    /**
     * Stops the branch like {@link #abort()} and records what was cut (StopExecution): a Map
     * iteration's {@code MapIterationAborted} ({@code mapState} names the Map), then the events of
     * the state it was in (see {@link StateRun#cut(long)}), each following {@code previous}. A
     * child execution records instead, in its own history, the events of the state it was in after
     * its last event, then {@code ExecutionAborted}.
     */
    void cut(long previous, String mapState) {
        if (done) {
            return;
        }
        done = true;
        long after = own != null ? history.lastId() : previous;
        if (mapIndex >= 0 && own == null) {
            recordAfter(
                    after,
                    "MapIterationAborted",
                    "mapIterationAbortedEventDetails",
                    new EventDetails.Iteration(mapState, mapIndex));
        }
        if (current != null) {
            stoppedIn(current);
            current.cut(after);
            current = null;
        }
        if (own != null) {
            own.aborted(execution.services().clock().now());
        }
    }

    /**
     * Remembers where the branch was stopped, for a redrive: the state {@code run} if it was still
     * running, else the state it had just moved on to (entered once the mailbox gets to it).
     */
    private void stoppedIn(StateRun run) {
        if (run.finished() && pendingState != null) {
            failedState = pendingState;
            failedInput = pendingInput;
            failedRun = null;
        } else {
            failedState = run.state().name();
            failedInput = run.rawInput();
            failedRun = run;
        }
    }

    long record(String type, String field, Object details) {
        lastEventId = recordAfter(lastEventId, type, field, details);
        return lastEventId;
    }

    /** Records an event following {@code previous}, leaving this branch's last event as it is. */
    long recordAfter(long previous, String type, String field, Object details) {
        return history.add(execution.services().clock().now(), type, previous, field, details);
    }

    /** The history this branch records into: the execution's, or its child execution's. */
    HistoryLog history() {
        return history;
    }

    /** The child execution this branch is the top level of, or null. */
    ChildExecutionHistory ownHistory() {
        return own;
    }

    /** The DISTRIBUTED Map child execution this branch runs in, or null. */
    ChildExecutionHistory childExecution() {
        return within;
    }

    /** The state that failed or was interrupted, or null. */
    String failedState() {
        return failedState;
    }

    /** The input of {@link #failedState()}. */
    JsonNode failedInput() {
        return failedInput;
    }

    /** The run of {@link #failedState()}, or null (not known after a restart). */
    StateRun failedRun() {
        return failedRun;
    }

    /** The branch's output when it succeeded, else null. */
    JsonNode succeededOutput() {
        return succeededOutput;
    }

    /** The slot of this branch in its state (Map index, Parallel branch index), or -1. */
    int slot() {
        return slot;
    }

    long lastEventId() {
        return lastEventId;
    }

    /** Makes the next event of this branch follow {@code eventId} (a child branch's last). */
    void follow(long eventId) {
        lastEventId = eventId;
    }

    ExecutionRun execution() {
        return execution;
    }

    VariableScope variables() {
        return variables;
    }

    /** {@code $$.Map.Item} ({@code Index}, {@code Value}) for a Map iteration, else null. */
    JsonNode mapItem() {
        if (mapIndex < 0) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode item =
                dev.orderflow.states.internal.json.Json.object();
        item.put("Index", mapIndex);
        item.set("Value", mapValue);
        return item;
    }
}
