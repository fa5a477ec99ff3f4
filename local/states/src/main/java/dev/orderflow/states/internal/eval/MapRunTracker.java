package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.internal.exec.BranchOutcome;
import dev.orderflow.states.internal.exec.ChildExecutionHistory;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.maprun.MapRun;
import dev.orderflow.states.internal.maprun.MapRunLimits;
import dev.orderflow.states.internal.maprun.MapRunRegistry;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Map Run of a DISTRIBUTED Map state (AWS docs "Distributed mode", "Examining Map Runs"): made
 * when the state starts, recorded as {@code MapRunStarted} after {@code MapStateStarted}, kept up
 * to date as iterations run and closed by {@code MapRunSucceeded} / {@code MapRunFailed} before the
 * state's own closing event, or ABORTED when the execution is stopped.
 */
final class MapRunTracker {
    private final StateRun run;
    private final MapRun mapRun;

    private MapRunTracker(StateRun run, MapRun mapRun) {
        this.run = run;
        this.mapRun = mapRun;
    }

    static MapRunTracker start(
            StateRun run, State.Map map, List<JsonNode> inputs, MapRunLimits limits) {
        MapRun failed = run.children().redrivenMapRun();
        MapRun mapRun =
                failed != null && failed.redrivable(inputs.size())
                        ? redrive(run, failed)
                        : create(run, map, inputs, limits);
        run.children().mapRun(mapRun);
        MapRunTracker tracker = new MapRunTracker(run, mapRun);
        run.onAbort(() -> mapRun.end(MapRun.Status.ABORTED, run.services().clock().now()));
        return tracker;
    }

    /**
     * A redrive of the parent execution redrives the failed Map Run (AWS docs "Redriving Map
     * Runs"): the same ARN, {@code MapRunRedriven} with the Map Run's redrive count where a new run
     * would record {@code MapRunStarted}; only its unsuccessful children run again.
     */
    private static MapRun redrive(StateRun run, MapRun mapRun) {
        int count = mapRun.redrive(run.services().clock().now());
        ObjectNode details = Json.object();
        details.put("mapRunArn", mapRun.arn());
        details.put("redriveCount", count);
        run.record("MapRunRedriven", "mapRunRedrivenEventDetails", details);
        return mapRun;
    }

    private static MapRun create(
            StateRun run, State.Map map, List<JsonNode> inputs, MapRunLimits limits) {
        List<String> texts = new ArrayList<>(inputs.size());
        List<Integer> items = new ArrayList<>(inputs.size());
        for (JsonNode input : inputs) {
            texts.add(Json.write(input));
            items.add(map.itemBatcher() == null ? 1 : input.path("Items").size());
        }
        MapRunRegistry.Start start =
                new MapRunRegistry.Start(
                        run.execution().executionArn(),
                        run.execution().stateMachineArn(),
                        map.label(),
                        map.expressChildren(),
                        texts,
                        items,
                        limits,
                        run.services().clock().now());
        MapRun mapRun = run.services().mapRuns().create(start, run.services().random());
        ObjectNode details = Json.object();
        details.put("mapRunArn", mapRun.arn());
        run.record("MapRunStarted", "mapRunStartedEventDetails", details);
        return mapRun;
    }

    /** The limits in force (UpdateMapRun may have changed them). */
    MapRunLimits limits() {
        return mapRun.limits();
    }

    /** Runs {@code action} on the execution's mailbox after each UpdateMapRun. */
    void onUpdate(Runnable action) {
        mapRun.onUpdate(() -> run.execution().post(action));
    }

    /** Starts item {@code index} as a child execution of the Map Run, with its own history. */
    void startChild(StateMachineDef def, JsonNode input, int index, Consumer<BranchOutcome> done) {
        ChildExecutionHistory history =
                run.children()
                        .childHistory(
                                index,
                                input,
                                new ChildExecutionHistory.Identity(
                                        mapRun.childArn(index),
                                        mapRun.childName(index),
                                        mapRun.stateMachineArn()));
        mapRun.childStarted(index, run.services().clock().now(), history::events);
        run.children().startChildExecution(def, input, index, history, done);
    }

    void childEnded(int index, BranchOutcome outcome) {
        mapRun.childEnded(
                index,
                outcome.failed() ? ExecutionStatus.FAILED : ExecutionStatus.SUCCEEDED,
                outcome.failed() ? null : Json.write(outcome.output()),
                outcome.error(),
                outcome.cause(),
                run.services().clock().now());
    }

    void succeeded() {
        run.record("MapRunSucceeded", null, null);
        mapRun.end(MapRun.Status.SUCCEEDED, run.services().clock().now());
    }

    void failed(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        run.record("MapRunFailed", "mapRunFailedEventDetails", details);
        mapRun.end(MapRun.Status.FAILED, run.services().clock().now());
    }
}
