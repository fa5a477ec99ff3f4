package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.util.function.Consumer;

/**
 * Runs the states of one scope (the top level, a Parallel branch or a Map iteration) one after
 * another on the execution's mailbox.
 */
public final class BranchRun {
    private final ExecutionRun execution;
    private final StateMachineDef definition;
    private final VariableScope variables;
    private final int mapIndex;
    private final int slot;
    private JsonNode mapValue;
    private final Consumer<BranchOutcome> onDone;
    private long lastEventId;
    private StateRun current;
    private boolean done;
    private String failedState;
    private JsonNode failedInput;
    private StateRun failedRun;
    private JsonNode succeededOutput;

    BranchRun(
            ExecutionRun execution,
            StateMachineDef definition,
            VariableScope variables,
            int mapIndex,
            Consumer<BranchOutcome> onDone) {
        this(execution, definition, variables, mapIndex, -1, onDone);
    }

    /** A branch in {@code slot} of its state: a Map iteration's index, a Parallel branch's. */
    BranchRun(
            ExecutionRun execution,
            StateMachineDef definition,
            VariableScope variables,
            int mapIndex,
            int slot,
            Consumer<BranchOutcome> onDone) {
        this.execution = execution;
        this.definition = definition;
        this.variables = variables;
        this.mapIndex = mapIndex;
        this.slot = slot;
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
        onDone.accept(outcome);
    }

    /** Stops the branch and everything under it; its callback is not called. */
    void abort() {
        if (done) {
            return;
        }
        done = true;
        if (current != null) {
            failedState = current.state().name();
            failedInput = current.rawInput();
            failedRun = current;
            current.abort();
            current = null;
        }
    }

    /**
     * Stops the branch like {@link #abort()} and records what was cut (StopExecution): a Map
     * iteration's {@code MapIterationAborted} ({@code mapState} names the Map), then the events of
     * the state it was in (see {@link StateRun#cut(long)}), each following {@code previous}.
     */
    void cut(long previous, String mapState) {
        if (done) {
            return;
        }
        done = true;
        if (mapIndex >= 0) {
            execution.record(
                    "MapIterationAborted",
                    previous,
                    "mapIterationAbortedEventDetails",
                    new EventDetails.Iteration(mapState, mapIndex));
        }
        if (current != null) {
            failedState = current.state().name();
            failedInput = current.rawInput();
            failedRun = current;
            current.cut(previous);
            current = null;
        }
    }

    long record(String type, String field, Object details) {
        lastEventId = execution.record(type, lastEventId, field, details);
        return lastEventId;
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
