package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.console.Lane.Run;
import dev.orderflow.cloud.internal.json.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to each state of an execution, read from its history, for the graph's colours:
 * {@code succeeded}, {@code retried} (failed, then succeeded on a retry), {@code caught} (failed
 * and left through a Catch), {@code aborted} (cut by a failing sibling or a stop), {@code failed}
 * (the execution ended in it), {@code running}. A state missing from the answer was not reached.
 *
 * <p>The events are sorted into {@link Lane}s by {@code previousEventId}: each Map iteration and
 * Parallel branch gets its states' outcomes and its events ({@code iterations}, {@code branches});
 * {@code states} merges them, a state run several times taking the gravest of its runs and the
 * input and output of its last. A DISTRIBUTED Map's items run as child executions with their own
 * histories: {@code mapRuns} names each Map's Map Runs, whose children ListExecutions lists.
 */
final class StateOutcomes {

    /** From least to most grave: a state shows the gravest of its runs. */
    private static final List<String> GRAVITY =
            List.of("succeeded", "retried", "caught", "aborted", "failed", "running");

    private final LaneSorter sorter;

    private StateOutcomes(JsonNode definition) {
        sorter = new LaneSorter(definition);
    }

    static ObjectNode of(JsonNode events, String executionStatus, JsonNode definition) {
        StateOutcomes outcomes = new StateOutcomes(definition);
        events.forEach(outcomes::read);
        return outcomes.answer(executionStatus);
    }

    private void read(JsonNode event) {
        long id = event.path("id").asLong();
        String type = event.path("type").asText();
        Lane lane = sorter.sort(event);
        if (type.startsWith("MapIteration")) {
            return; // the iteration's own outcome, which the sorter reads
        }
        JsonNode entered = event.path("stateEnteredEventDetails");
        JsonNode exited = event.path("stateExitedEventDetails");
        if (type.endsWith("StateEntered") && entered.isObject()) {
            String name = entered.path("name").asText();
            Run run = lane.states.computeIfAbsent(name, n -> new Run(n, stateType(type)));
            run.entries++;
            run.failedLast = false;
            run.input = parsed(entered.path("input"));
            run.lastEvent = id;
            lane.open.add(run);
        } else if (type.endsWith("StateExited") && exited.isObject()) {
            Run run = lane.states.get(exited.path("name").asText());
            if (run != null) {
                run.output = parsed(exited.path("output"));
                run.lastEvent = id;
                // a Catch exits the state right after its last failure
                settle(run, run.failedLast ? "caught" : run.failures > 0 ? "retried" : "succeeded");
                lane.open.remove(run);
            }
        } else if (type.endsWith("StateAborted")) {
            lane.innermost()
                    .filter(r -> r.type.equals(stateType(type)))
                    .ifPresent(
                            run -> {
                                settle(run, "aborted");
                                lane.open.remove(run);
                            });
        } else if (type.startsWith("Execution")) {
            // a Fail state, or a failure nothing caught: the execution ends in the open state
            JsonNode failure = failure(event);
            lane.innermost()
                    // a ParallelStateFailed/MapStateFailed names no error: the execution's does
                    .filter(
                            run ->
                                    failure != null
                                            && (run.error == null
                                                    || run.error.equals(run.type + "StateFailed")))
                    .ifPresent(run -> fail(run, failure));
        } else {
            lane.innermost().ifPresent(run -> step(run, event, type));
        }
    }

    private void step(Run run, JsonNode event, String type) {
        JsonNode failure = failure(event);
        if (failure != null) {
            run.failures++;
            run.failedLast = true;
            fail(run, failure);
        } else if (type.endsWith("Scheduled") || type.endsWith("Succeeded")) {
            run.failedLast = false; // a retry is under way
        }
    }

    private static void fail(Run run, JsonNode failure) {
        run.error = failure.path("error").asText(null);
        run.cause = failure.path("cause").asText(null);
    }

    /** The details of a failure event (any {@code *EventDetails} naming an error), or null. */
    private static JsonNode failure(JsonNode event) {
        if (!event.path("type").asText().matches(".*(Failed|TimedOut|Aborted)$")) {
            return null;
        }
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("EventDetails") && event.path(name).has("error")) {
                return event.path(name);
            }
        }
        return Json.object().put("error", event.path("type").asText());
    }

    static String stateType(String eventType) {
        return eventType.substring(0, eventType.indexOf("State"));
    }

    private static void settle(Run run, String outcome) {
        if (GRAVITY.indexOf(outcome) > GRAVITY.indexOf(run.outcome)) {
            run.outcome = outcome;
        }
    }

    private ObjectNode answer(String executionStatus) {
        // what is still open stopped the execution there, or is running now
        for (Lane lane : sorter.lanes()) {
            lane.open.forEach(
                    run -> settle(run, executionStatus.equals("RUNNING") ? "running" : "failed"));
        }
        ObjectNode out = Json.object();
        out.set("states", states(sorter.lanes().get(0)));
        ObjectNode iterations = out.putObject("iterations");
        ObjectNode branches = out.putObject("branches");
        for (Lane lane : sorter.lanes().subList(1, sorter.lanes().size())) {
            ObjectNode holder = lane.kind == Lane.Kind.ITERATION ? iterations : branches;
            ArrayNode list =
                    holder.has(lane.container)
                            ? (ArrayNode) holder.get(lane.container)
                            : holder.putArray(lane.container);
            ObjectNode states = states(lane);
            ObjectNode l = list.addObject();
            l.put("lane", lane.path);
            l.put("index", lane.index);
            l.put("outcome", lane.outcome != null ? lane.outcome : branchOutcome(states));
            l.set("states", states);
            ArrayNode events = l.putArray("events");
            lane.events.stream().sorted().forEach(events::add);
        }
        ObjectNode runs = out.putObject("mapRuns");
        sorter.mapRuns().forEach((map, arns) -> arns.forEach(runs.withArray(map)::add));
        return out;
    }

    /** A branch went as its gravest state went, a caught or retried failure inside it aside. */
    private static String branchOutcome(ObjectNode states) {
        String outcome = "succeeded";
        for (JsonNode state : states) {
            String o = state.path("outcome").asText();
            if (GRAVITY.indexOf(o) > GRAVITY.indexOf(outcome)
                    && GRAVITY.indexOf(o) >= GRAVITY.indexOf("aborted")) {
                outcome = o;
            }
        }
        return outcome;
    }

    /** The states of {@code top} and the lanes inside it, each state's runs merged. */
    private ObjectNode states(Lane top) {
        Map<String, Run> merged = new LinkedHashMap<>();
        for (Lane lane : sorter.lanes()) {
            if (!lane.outward().contains(top)) {
                continue;
            }
            lane.states.forEach((name, run) -> merged.merge(name, run, StateOutcomes::merge));
        }
        ObjectNode out = Json.object();
        merged.forEach(
                (name, run) -> {
                    ObjectNode state = out.putObject(name);
                    state.put("outcome", run.outcome);
                    state.put("entries", run.entries);
                    state.put("failures", run.failures);
                    state.set("input", run.input);
                    state.set("output", run.output);
                    state.put("error", run.error);
                    state.put("cause", run.cause);
                });
        return out;
    }

    private static Run merge(Run a, Run b) {
        Run last = a.lastEvent >= b.lastEvent ? a : b;
        Run m = new Run(a.name, a.type);
        m.outcome =
                GRAVITY.indexOf(a.outcome) >= GRAVITY.indexOf(b.outcome) ? a.outcome : b.outcome;
        m.entries = a.entries + b.entries;
        m.failures = a.failures + b.failures;
        m.input = last.input;
        m.output = last.output;
        Run failed = b.error != null && (a.error == null || b.lastEvent > a.lastEvent) ? b : a;
        m.error = failed.error;
        m.cause = failed.cause;
        m.lastEvent = last.lastEvent;
        return m;
    }

    private static JsonNode parsed(JsonNode text) {
        if (!text.isTextual()) {
            return text.isMissingNode() ? null : text;
        }
        try {
            return Json.parse(text.asText());
        } catch (IllegalArgumentException notJson) {
            return text;
        }
    }
}
