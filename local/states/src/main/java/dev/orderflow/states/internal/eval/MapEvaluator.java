package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.exec.BranchOutcome;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.maprun.MapRunLimits;
import dev.orderflow.states.internal.model.State;
import java.util.ArrayList;
import java.util.List;

/**
 * The Map state (AWS docs "Map workflow state"): iterations run interleaved on the execution's
 * mailbox, at most MaxConcurrency in flight (0 = no limit). A DISTRIBUTED Map runs each item as a
 * child execution with its own history, so its iterations leave no {@code MapIteration*} event in
 * the parent's (AWS docs "Distributed mode").
 */
final class MapEvaluator {
    private final StateRun run;
    private final State.Map map;
    private final List<JsonNode> inputs;
    private final JsonNode[] results;
    private final boolean[] kept;
    private final MapRunTracker mapRun;
    private int maxConcurrency;
    private long toleratedCount;
    private double toleratedPercentage;
    private int nextIndex;
    private int running;
    private int completed;
    private int failures;

    private MapEvaluator(
            StateRun run,
            State.Map map,
            List<JsonNode> inputs,
            MapRunLimits limits,
            MapRunTracker mapRun) {
        this.run = run;
        this.map = map;
        this.inputs = inputs;
        this.results = new JsonNode[inputs.size()];
        this.kept = new boolean[inputs.size()];
        this.mapRun = mapRun;
        limits(limits);
    }

    private void limits(MapRunLimits limits) {
        this.maxConcurrency = limits.maxConcurrency();
        this.toleratedCount = limits.toleratedFailureCount();
        this.toleratedPercentage = limits.toleratedFailurePercentage();
    }

    static void run(StateRun run, State.Map map) {
        JsonNode input = DataFlow.effectiveInput(run);
        ArrayNode items = MapItems.items(run, map, input);
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            selected.add(MapItems.select(run, map, input, i, items.get(i)));
        }
        List<JsonNode> inputs = MapItems.batch(run, map, input, selected);
        ObjectNode mc = Json.object();
        mc.set(
                "MaxConcurrency",
                map.maxConcurrency() != null ? map.maxConcurrency() : Json.NODES.numberNode(0));
        if (map.maxConcurrencyPath() != null) {
            mc.put("MaxConcurrencyPath", map.maxConcurrencyPath());
        }
        int concurrency = (int) MapItems.number(run, mc, "MaxConcurrency", input, 0);
        ObjectNode tol = Json.object();
        if (map.toleratedFailureCount() != null) {
            tol.set("ToleratedFailureCount", map.toleratedFailureCount());
        }
        if (map.toleratedFailureCountPath() != null) {
            tol.put("ToleratedFailureCountPath", map.toleratedFailureCountPath());
        }
        long count = MapItems.number(run, tol, "ToleratedFailureCount", input, -1);
        double pct = MapItems.percentage(run, map, input);
        ObjectNode started = Json.object();
        started.put("length", inputs.size());
        run.record("MapStateStarted", "mapStateStartedEventDetails", started);
        MapRunLimits limits = new MapRunLimits(concurrency, count, pct);
        MapRunTracker tracker =
                map.distributed() ? MapRunTracker.start(run, map, inputs, limits) : null;
        // A redriven Map Run keeps its limits, UpdateMapRun's changes included.
        MapEvaluator m =
                new MapEvaluator(
                        run, map, inputs, tracker == null ? limits : tracker.limits(), tracker);
        if (tracker != null) {
            tracker.onUpdate(m::updated);
        }
        m.keepRedriven();
        if (m.completed == inputs.size()) {
            m.finish();
            return;
        }
        m.launch();
    }

    /**
     * A redriven Map keeps the results of the iterations that succeeded (API reference
     * "RedriveExecution"): they are not run again and count as completed.
     */
    private void keepRedriven() {
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode output = run.children().redrivenOutput(i);
            if (output != null) {
                results[i] = output;
                kept[i] = true;
                completed++;
            }
        }
    }

    /** UpdateMapRun changed the limits: a higher MaxConcurrency starts more children now. */
    private void updated() {
        if (!run.finished()) {
            limits(mapRun.limits());
            launch();
        }
    }

    private void launch() {
        while (nextIndex < inputs.size()
                && (maxConcurrency == 0 || running < maxConcurrency)
                && !run.finished()) {
            int index = nextIndex++;
            if (kept[index]) {
                continue;
            }
            running++;
            if (mapRun != null) {
                mapRun.startChild(map.processor(), inputs.get(index), index, o -> done(index, o));
            } else {
                run.recordIteration(
                        "MapIterationStarted", "mapIterationStartedEventDetails", index);
                run.children()
                        .startIteration(
                                map.processor(), inputs.get(index), index, o -> done(index, o));
            }
        }
    }

    /** Records a {@code MapIteration*} event, which only an INLINE Map has. */
    private void recordIteration(String type, String field, int index) {
        if (mapRun == null) {
            run.recordIteration(type, field, index);
        }
    }

    private void done(int index, BranchOutcome outcome) {
        running--;
        completed++;
        if (mapRun != null) {
            mapRun.childEnded(index, outcome);
        }
        if (outcome.failed()) {
            failures++;
            if (toleratedCount < 0 && toleratedPercentage < 0) {
                failMap(index, outcome.error(), outcome.cause());
                return;
            }
            if (exceeded()) {
                failMap(
                        index,
                        StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                        "The specified tolerated failure threshold was exceeded");
                return;
            }
            recordIteration("MapIterationFailed", "mapIterationFailedEventDetails", index);
            ObjectNode error = Json.object();
            if (outcome.error() != null) {
                error.put("Error", outcome.error());
            }
            if (outcome.cause() != null) {
                error.put("Cause", outcome.cause());
            }
            results[index] = error;
        } else {
            recordIteration("MapIterationSucceeded", "mapIterationSucceededEventDetails", index);
            results[index] = outcome.output();
        }
        if (completed == inputs.size()) {
            finish();
        } else {
            launch();
        }
    }

    /**
     * Iteration {@code index} failed the Map: the iterations still running are cut first, then the
     * failed iteration and the Map's own closing events, all following the failing iteration's last
     * event (AWS records it so: floci-io/floci StepFunctionsMapIterationFailureIntegrationTest).
     */
    private void failMap(int index, String error, String cause) {
        long failing = run.children().cutSiblings();
        recordIteration("MapIterationFailed", "mapIterationFailedEventDetails", index);
        if (mapRun != null) {
            run.follow(failing);
            mapRun.failed(error, cause);
        }
        run.follow(failing);
        run.record("MapStateFailed", null, null);
        run.fail(error, cause);
    }

    private boolean exceeded() {
        boolean byCount = toleratedCount >= 0 && failures > toleratedCount;
        boolean byPct =
                toleratedPercentage >= 0 && failures * 100.0 / inputs.size() > toleratedPercentage;
        return byCount || byPct;
    }

    private void finish() {
        ArrayNode array = Json.NODES.arrayNode();
        for (JsonNode r : results) {
            array.add(r);
        }
        if (mapRun != null) {
            mapRun.succeeded();
        }
        run.record("MapStateSucceeded", null, null);
        ParallelEvaluator.complete(run, array);
    }
}
