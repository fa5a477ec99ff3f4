package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.HistoryEvent;
import dev.orderflow.states.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only event list of one execution. State events keep the engine's immutable JSON
 * payload and render their details only when the history is read. Thread-safe.
 */
public final class HistoryLog {
    private record Entry(
            Instant at,
            String type,
            long previous,
            String field,
            JsonNode details,
            String stateName,
            String payloadField,
            JsonNode payload) {}

    private final List<Entry> events = new ArrayList<>(6);
    private final Consumer<HistoryEvent> sink;

    /** An empty log; {@code sink} (nullable) receives every added event, rendered. */
    public HistoryLog(Consumer<HistoryEvent> sink) {
        this.sink = sink;
    }

    /** Puts back events read from a journal (not passed to the sink). */
    public synchronized void restore(List<HistoryEvent> restored) {
        for (HistoryEvent e : restored) {
            events.add(
                    new Entry(
                            e.timestamp(),
                            e.type(),
                            e.previousEventId(),
                            e.detailsField(),
                            e.details(),
                            null,
                            null,
                            null));
        }
    }

    private long added() {
        if (sink != null) {
            sink.accept(render(events.size() - 1));
        }
        return events.size();
    }

    /** Appends an event and returns its id. */
    public synchronized long add(
            Instant at, String type, long previousEventId, String detailsField, JsonNode details) {
        events.add(new Entry(at, type, previousEventId, detailsField, details, null, null, null));
        return added();
    }

    /**
     * Appends a state event whose details are {@code name}, {@code payloadField} (the compact JSON
     * text of {@code payload}, rendered when read) and {@code <payloadField>Details}.
     */
    public synchronized long addStateEvent(
            Instant at,
            String type,
            long previousEventId,
            String detailsField,
            String stateName,
            String payloadField,
            JsonNode payload) {
        events.add(
                new Entry(
                        at,
                        type,
                        previousEventId,
                        detailsField,
                        null,
                        stateName,
                        payloadField,
                        payload));
        return added();
    }

    /** Appends a Map iteration event whose details ({@code name}, {@code index}) render on read. */
    public synchronized long addIterationEvent(
            Instant at,
            String type,
            long previousEventId,
            String detailsField,
            String mapName,
            int index) {
        events.add(
                new Entry(
                        at,
                        type,
                        previousEventId,
                        detailsField,
                        null,
                        mapName,
                        null,
                        Json.NODES.numberNode(index)));
        return added();
    }

    /** A snapshot of all events. */
    public synchronized List<HistoryEvent> snapshot() {
        List<HistoryEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(render(i));
        }
        return out;
    }

    private HistoryEvent render(int i) {
        Entry e = events.get(i);
        JsonNode details = e.details();
        if (e.payloadField() == null && e.stateName() != null) {
            ObjectNode d = Json.object();
            d.put("name", e.stateName());
            d.set("index", e.payload());
            details = d;
        } else if (e.payloadField() != null) {
            ObjectNode d = Json.object();
            d.put("name", e.stateName());
            d.put(e.payloadField(), Json.write(e.payload()));
            d.putObject(e.payloadField() + "Details").put("truncated", false);
            details = d;
        }
        return new HistoryEvent(i + 1L, e.previous(), e.at(), e.type(), e.field(), details);
    }

    /** The id of the last event, or 0. */
    public synchronized long lastId() {
        return events.size();
    }
}
