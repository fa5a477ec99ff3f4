package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One thread of an execution's history: the execution itself, one Map iteration or one Parallel
 * branch (nested ones inside it). AWS interleaves the events of concurrent iterations and branches;
 * each event's {@code previousEventId} names the event before it in its own thread, which is how
 * {@link StateOutcomes} sorts them into lanes.
 */
final class Lane {

    /** What a lane runs: the whole execution, a Map iteration or a Parallel branch. */
    enum Kind {
        EXECUTION,
        ITERATION,
        BRANCH
    }

    /** One state's runs in this lane. */
    static final class Run {
        final String name;
        final String type;
        String outcome = "succeeded";
        int entries;
        int failures;
        boolean failedLast;
        JsonNode input;
        JsonNode output;
        String error;
        String cause;
        long lastEvent;

        Run(String name, String type) {
            this.name = name;
            this.type = type;
        }
    }

    final Lane parent;
    final Kind kind;

    /** The Map or Parallel state this lane is an iteration or branch of ("" for the execution). */
    final String container;

    /** The iteration's index in the Map, or the branch's in the Parallel. */
    final int index;

    final String path;
    final Map<String, Run> states = new LinkedHashMap<>();

    /** The states entered and not yet exited, innermost last (a Map or Parallel stays open). */
    final List<Run> open = new ArrayList<>();

    /** Its events and those of the lanes inside it, by id. */
    final List<Long> events = new ArrayList<>();

    /** An iteration's outcome from its {@code MapIteration*} events; null for the others. */
    String outcome;

    private Lane(Lane parent, Kind kind, String container, int index, String path) {
        this.parent = parent;
        this.kind = kind;
        this.container = container;
        this.index = index;
        this.path = path;
    }

    static Lane execution() {
        return new Lane(null, Kind.EXECUTION, "", -1, "");
    }

    Lane child(Kind kind, String container, int index) {
        String segment =
                container + (kind == Kind.ITERATION ? "[" + index + "]" : "{" + index + "}");
        return new Lane(
                this, kind, container, index, path.isEmpty() ? segment : path + "/" + segment);
    }

    /** This lane and the ones it is in, innermost first. */
    List<Lane> outward() {
        List<Lane> lanes = new ArrayList<>();
        for (Lane l = this; l != null; l = l.parent) {
            lanes.add(l);
        }
        return lanes;
    }

    /** The state open innermost, if any. */
    Optional<Run> innermost() {
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
    }

    boolean innermostIs(String type) {
        return innermost().map(r -> r.type.equals(type)).orElse(false);
    }

    /** Records an event of this lane, counted in the lanes around it too. */
    void record(long eventId) {
        for (Lane l = this; l != null; l = l.parent) {
            l.events.add(eventId);
        }
    }
}
