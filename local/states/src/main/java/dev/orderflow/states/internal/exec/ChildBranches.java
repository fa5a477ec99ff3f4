package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.maprun.MapRun;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Map iterations / Parallel branches one {@link StateRun} started, and what a redrive needs of
 * them: those of the current attempt by slot (kept after the state fails, so that a redrive knows
 * which succeeded) and those of the failed run being redriven (API reference "RedriveExecution").
 */
public final class ChildBranches {
    private final StateRun owner;
    private final BranchRun parent;
    // Still to abort or cut when the state ends early; null once they were.
    private List<BranchRun> inFlight;
    private Map<Integer, BranchRun> thisAttempt;
    private Map<Integer, BranchRun> redriven;
    // A redriven child restarts from its StartAt instead of where it stopped (EXPRESS children).
    private boolean redriveFromStart;
    // A DISTRIBUTED Map's Map Run in this attempt, and the one of the failed run being redriven.
    private MapRun mapRun;
    private MapRun redrivenMapRun;

    ChildBranches(StateRun owner, BranchRun parent) {
        this.owner = owner;
        this.parent = parent;
    }

    /** A new attempt starts; a Retry re-runs the whole state, only a redrive keeps results. */
    void newAttempt(boolean retry) {
        if (retry) {
            redriven = null;
            redrivenMapRun = null;
        }
        thisAttempt = null;
        mapRun = null;
    }

    /**
     * The first attempt redrives {@code failed}, the children of the failed run of the state (and
     * its Map Run); with {@code fromStart} the unsuccessful children run again from their StartAt.
     */
    void redrive(ChildBranches failed, boolean fromStart) {
        redriven = failed.thisAttempt;
        redrivenMapRun = failed.mapRun;
        redriveFromStart = fromStart;
    }

    /** Records the Map Run this attempt of a DISTRIBUTED Map started or redrove. */
    public void mapRun(MapRun run) {
        mapRun = run;
    }

    /** On the first attempt of a redriven DISTRIBUTED Map: the failed run's Map Run, else null. */
    public MapRun redrivenMapRun() {
        return redrivenMapRun;
    }

    /**
     * On the first attempt of a redriven Map/Parallel: the output of the iteration/branch in {@code
     * slot} if it succeeded in the failed run (it is not run again), else null.
     */
    public JsonNode redrivenOutput(int slot) {
        BranchRun before = redriven == null ? null : redriven.get(slot);
        return before == null ? null : before.succeededOutput();
    }

    /** Starts Map iteration {@code index} in a child variable scope. */
    public void startIteration(
            StateMachineDef def, JsonNode input, int index, Consumer<BranchOutcome> done) {
        start(def, input, index, index, null, done);
    }

    /** Starts Parallel branch {@code index} in a child variable scope. */
    public void startBranch(
            StateMachineDef def, JsonNode input, int index, Consumer<BranchOutcome> done) {
        start(def, input, index, -1, null, done);
    }

    /**
     * Starts item {@code index} of a DISTRIBUTED Map as a child execution recording into {@code
     * history} ({@link #childHistory(int, JsonNode, ChildExecutionHistory.Identity)}), none of its
     * events in the parent's history.
     */
    public void startChildExecution(
            StateMachineDef def,
            JsonNode input,
            int index,
            ChildExecutionHistory history,
            Consumer<BranchOutcome> done) {
        start(def, input, index, index, history, done);
    }

    /**
     * A failing Map iteration / Parallel branch fails the state as a whole: stops the others still
     * running and records what it cut of them ({@code MapIterationAborted}, then the {@code
     * *StateAborted} of the state each was in), every event following the failing child's last
     * event, as AWS records it (floci-io/floci StepFunctionsMapIterationFailureIntegrationTest,
     * measured on AWS). Returns that event's id: the events closing the state follow it too.
     */
    public long cutSiblings() {
        long failing = parent.lastEventId();
        cutAll(failing, owner.state().name());
        parent.follow(failing);
        return failing;
    }

    /**
     * The history item {@code slot} of a DISTRIBUTED Map runs into as a child execution of its own:
     * on a redrive that continues the child where it stopped, the one it had in the failed run (AWS
     * docs "Redriving Map Runs"); else a new one.
     */
    public ChildExecutionHistory childHistory(
            int slot, JsonNode input, ChildExecutionHistory.Identity identity) {
        BranchRun before = redrivenFromWhereStopped(slot);
        return before != null && before.ownHistory() != null
                ? before.ownHistory()
                : new ChildExecutionHistory(
                        input, parent.execution().identity().machine().roleArn(), identity);
    }

    private BranchRun redrivenFromWhereStopped(int slot) {
        return redriven == null || redriveFromStart ? null : redriven.get(slot);
    }

    /**
     * Starts a child branch in a child variable scope: from its StartAt, or, on a redrive, from
     * where its counterpart in the failed run stopped (with that one's own variables). With {@code
     * own} the branch is a child execution recording into its own history ({@code
     * ExecutionStarted}, or {@code ExecutionRedriven} when it continues) and a variable scope of
     * its own that sees none of the parent's. {@code done} runs only while the state is still
     * running.
     */
    private void start(
            StateMachineDef def,
            JsonNode input,
            int slot,
            int mapIndex,
            ChildExecutionHistory own,
            Consumer<BranchOutcome> done) {
        BranchRun before = redrivenFromWhereStopped(slot);
        BranchRun[] self = new BranchRun[1];
        BranchRun child =
                new BranchRun(
                        parent.execution(),
                        def,
                        variables(own, before),
                        mapIndex,
                        slot,
                        own == null ? parent.history() : own.log(),
                        own,
                        own == null ? parent.childExecution() : own,
                        outcome -> {
                            if (!owner.finished()) {
                                // The event closing an iteration/branch (MapIterationSucceeded,
                                // ParallelStateSucceeded, ...) follows the branch's last event;
                                // a child execution's events are in a history of their own.
                                if (own == null) {
                                    parent.follow(self[0].lastEventId());
                                }
                                done.accept(outcome);
                            }
                        });
        self[0] = child;
        if (inFlight == null) {
            inFlight = new ArrayList<>();
        }
        inFlight.add(child);
        if (thisAttempt == null) {
            thisAttempt = new HashMap<>();
        }
        thisAttempt.put(slot, child);
        long previous = parent.lastEventId();
        if (own != null) {
            var now = parent.execution().services().clock().now();
            previous = before == null ? own.started(now) : own.redriven(now);
        }
        if (before == null) {
            child.start(input, previous);
        } else {
            child.redriveFrom(before, previous);
        }
    }

    private VariableScope variables(ChildExecutionHistory own, BranchRun before) {
        if (own != null) {
            return before == null
                    ? VariableScope.isolated()
                    : VariableScope.isolatedLike(before.variables());
        }
        return before == null
                ? parent.variables().child()
                : parent.variables().childLike(before.variables());
    }

    /** True while children started by the state may still be running. */
    boolean any() {
        return inFlight != null;
    }

    /** Stops every child and everything under it, recording nothing. */
    void abortAll() {
        if (inFlight != null) {
            List<BranchRun> running = inFlight;
            inFlight = null;
            running.forEach(BranchRun::abort);
        }
    }

    /**
     * Stops every child and records what was cut, each event following {@code previous} (see {@link
     * BranchRun#cut(long, String)}); {@code stateName} names the Map or Parallel.
     */
    void cutAll(long previous, String stateName) {
        if (inFlight != null) {
            List<BranchRun> running = inFlight;
            inFlight = null;
            running.forEach(child -> child.cut(previous, stateName));
        }
    }
}
