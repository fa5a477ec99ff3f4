package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts an execution's events into {@link Lane}s. AWS records concurrent Map iterations and
 * Parallel branches interleaved; an event's {@code previousEventId} names the event before it in
 * its own thread, except where threads fork (an iteration's first event follows its {@code
 * MapIterationStarted}, every branch's first event the {@code ParallelStateStarted}) and join (the
 * event closing a Map or Parallel follows the last branch's last event; the {@code
 * <Type>StateAborted} of a cut sibling follows the failing one's last event).
 */
final class LaneSorter {

    private final Lane execution = Lane.execution();
    private final List<Lane> lanes = new ArrayList<>(List.of(execution));
    private final Map<Long, Lane> laneOf = new HashMap<>();

    /** MapIterationStarted's id: the iteration's first event follows it. */
    private final Map<Long, Lane> iterationStartedBy = new HashMap<>();

    /** ParallelStateStarted's id, to the Parallel's name: each branch's first event follows it. */
    private final Map<Long, String> parallelStartedBy = new HashMap<>();

    private final Map<Long, Lane> parallelLane = new HashMap<>();

    /** A branch's StartAt to the branch's index (state names are unique in a machine). */
    private final Map<String, Integer> branchOf = new HashMap<>();

    private final Map<String, List<String>> mapRuns = new LinkedHashMap<>();

    /** The iteration a {@code MapIterationAborted} just cut: its state's Aborted event is next. */
    private Lane cut;

    LaneSorter(JsonNode definition) {
        indexBranches(definition);
    }

    /** The lanes met so far, the execution's first. */
    List<Lane> lanes() {
        return lanes;
    }

    /** Each DISTRIBUTED Map's Map Runs, by the Map's name. */
    Map<String, List<String>> mapRuns() {
        return mapRuns;
    }

    /** The lane of {@code event}, which is recorded in it. */
    Lane sort(JsonNode event) {
        long id = event.path("id").asLong();
        long previous = event.path("previousEventId").asLong(0);
        Lane lane =
                lane(
                        event,
                        event.path("type").asText(),
                        laneOf.getOrDefault(previous, execution),
                        previous);
        laneOf.put(id, lane);
        lane.record(id);
        return lane;
    }

    private void indexBranches(JsonNode machine) {
        for (JsonNode state : machine.path("States")) {
            int b = 0;
            for (JsonNode branch : state.path("Branches")) {
                branchOf.put(branch.path("StartAt").asText(), b++);
                indexBranches(branch);
            }
            indexBranches(
                    state.has("ItemProcessor")
                            ? state.path("ItemProcessor")
                            : state.path("Iterator"));
        }
    }

    /**
     * The lane an event belongs to: mostly its previous event's, except where a thread forks or
     * joins.
     */
    private Lane lane(JsonNode event, String type, Lane from, long previous) {
        if (type.startsWith("MapIteration")) {
            return iteration(event, type, from);
        }
        if (type.matches("(Map|Parallel)State(Succeeded|Failed|Aborted)|MapRun.*")) {
            // joins: the branch's last event is before it; the Map or Parallel is open outside
            String kind = type.startsWith("Parallel") ? "Parallel" : "Map";
            Lane owner =
                    from.outward().stream()
                            .filter(l -> l.innermostIs(kind))
                            .findFirst()
                            .orElse(from);
            if (type.equals("MapRunStarted")) {
                owner.innermost()
                        .ifPresent(
                                map ->
                                        mapRuns.computeIfAbsent(map.name, n -> new ArrayList<>())
                                                .add(
                                                        event.at(
                                                                        "/mapRunStartedEventDetails/mapRunArn")
                                                                .asText()));
            }
            return owner;
        }
        if (type.endsWith("StateAborted")) {
            return aborted(stateType(type), from);
        }
        if (iterationStartedBy.containsKey(previous)) {
            return iterationStartedBy.get(previous);
        }
        if (parallelStartedBy.containsKey(previous) && type.endsWith("StateEntered")) {
            Integer branch = branchOf.get(event.at("/stateEnteredEventDetails/name").asText());
            if (branch != null) {
                return open(
                        parallelLane
                                .get(previous)
                                .child(Lane.Kind.BRANCH, parallelStartedBy.get(previous), branch));
            }
        }
        if (type.endsWith("StateExited")) {
            String name = event.at("/stateExitedEventDetails/name").asText();
            return from.outward().stream()
                    .filter(l -> l.open.stream().anyMatch(r -> r.name.equals(name)))
                    .findFirst()
                    .orElse(from);
        }
        if (type.equals("ParallelStateStarted")) {
            from.innermost()
                    .ifPresent(
                            p -> {
                                parallelStartedBy.put(event.path("id").asLong(), p.name);
                                parallelLane.put(event.path("id").asLong(), from);
                            });
        }
        return from;
    }

    /**
     * A {@code MapIteration*} event: recorded in the Map's lane, it tells the iteration's outcome.
     */
    private Lane iteration(JsonNode event, String type, Lane from) {
        JsonNode details =
                event.path(
                        Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails");
        String map = details.path("name").asText();
        int index = details.path("index").asInt();
        Lane outside =
                from.outward().stream()
                        .filter(l -> l.kind == Lane.Kind.ITERATION && l.container.equals(map))
                        .findFirst()
                        .map(l -> l.parent)
                        .orElse(from);
        String path = outside.child(Lane.Kind.ITERATION, map, index).path;
        Lane iteration =
                lanes.stream()
                        .filter(l -> l.path.equals(path))
                        .reduce((a, b) -> b)
                        .orElseGet(() -> open(outside.child(Lane.Kind.ITERATION, map, index)));
        iteration.events.add(event.path("id").asLong());
        switch (type) {
            case "MapIterationStarted" -> {
                iteration.outcome = "running";
                iterationStartedBy.put(event.path("id").asLong(), iteration);
            }
            case "MapIterationSucceeded" -> iteration.outcome = "succeeded";
            case "MapIterationFailed" -> iteration.outcome = "failed";
            default -> {
                iteration.outcome = "aborted";
                cut = iteration;
            }
        }
        return outside;
    }

    /**
     * A {@code <Type>StateAborted}: AWS records the states of cut iterations and branches after the
     * failing one's last event, so the lane is the cut one whose open state is of that type.
     */
    private Lane aborted(String stateType, Lane from) {
        Lane candidate = cut;
        cut = null;
        if (candidate != null && candidate.innermostIs(stateType)) {
            return candidate;
        }
        for (Lane l : from.outward()) {
            if (l.innermostIs(stateType)) {
                return l;
            }
        }
        return lanes.stream().filter(l -> l.innermostIs(stateType)).findFirst().orElse(from);
    }

    private Lane open(Lane lane) {
        lanes.add(lane);
        return lane;
    }

    private static String stateType(String eventType) {
        return StateOutcomes.stateType(eventType);
    }
}
