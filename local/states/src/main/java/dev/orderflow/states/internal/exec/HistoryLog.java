package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only event list of one execution. Thread-safe. */
public final class HistoryLog {
    private final List<HistoryEvent> events = new ArrayList<>(8);

    /** Appends an event and returns its id. */
    public synchronized long add(
            Instant at, String type, long previousEventId, String detailsField, JsonNode details) {
        long id = events.size() + 1L;
        events.add(new HistoryEvent(id, previousEventId, at, type, detailsField, details));
        return id;
    }

    /** A snapshot of all events. */
    public synchronized List<HistoryEvent> snapshot() {
        return List.copyOf(events);
    }

    /** The id of the last event, or 0. */
    public synchronized long lastId() {
        return events.size();
    }
}
