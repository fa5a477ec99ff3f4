package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.api.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only event list of one execution, stored compactly: per event its time, type, the
 * previous event id and its details either as JSON or as a {@link Details} holding the engine's
 * immutable payload trees, rendered only when the history is read (payloads are never serialised
 * while the execution runs). Thread-safe.
 */
public final class HistoryLog {
    /** Event details kept as the engine's values and rendered to AWS's JSON shape on read. */
    public interface Details {
        /** The details object as GetExecutionHistory shows it. */
        JsonNode render();
    }

    /** One event: 32 bytes plus its details. */
    private static final class Entry {
        final long at;
        final int previous;
        final String type;
        final String field;
        final Object details;

        Entry(long at, int previous, String type, String field, Object details) {
            this.at = at;
            this.previous = previous;
            this.type = type;
            this.field = field;
            this.details = details;
        }
    }

    private static final Entry[] EMPTY = {};
    private Entry[] events = EMPTY;
    private int size;
    private final Consumer<HistoryEvent> sink;

    /** An empty log; {@code sink} (nullable) receives every added event, rendered. */
    public HistoryLog(Consumer<HistoryEvent> sink) {
        this.sink = sink;
    }

    /** Puts back events read from a journal (not passed to the sink). */
    public synchronized void restore(List<HistoryEvent> restored) {
        for (HistoryEvent e : restored) {
            append(
                    new Entry(
                            nanos(e.timestamp()),
                            (int) e.previousEventId(),
                            e.type(),
                            e.detailsField(),
                            e.details()));
        }
    }

    /**
     * Appends an event and returns its id. {@code details} is null, a {@link JsonNode} or a {@link
     * Details} rendered when read.
     */
    public synchronized long add(
            Instant at, String type, long previousEventId, String detailsField, Object details) {
        append(new Entry(nanos(at), (int) previousEventId, type, detailsField, details));
        if (sink != null) {
            sink.accept(render(size - 1));
        }
        return size;
    }

    private void append(Entry e) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size < 8 ? 8 : size * 2);
        }
        events[size++] = e;
    }

    /** A snapshot of all events. */
    public synchronized List<HistoryEvent> snapshot() {
        List<HistoryEvent> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(render(i));
        }
        return out;
    }

    private HistoryEvent render(int i) {
        Entry e = events[i];
        JsonNode details = e.details instanceof Details d ? d.render() : (JsonNode) e.details;
        return new HistoryEvent(
                i + 1L,
                e.previous,
                Instant.ofEpochSecond(
                        Math.floorDiv(e.at, 1_000_000_000L), Math.floorMod(e.at, 1_000_000_000L)),
                e.type,
                e.field,
                details);
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /** The id of the last event, or 0. */
    public synchronized long lastId() {
        return size;
    }
}
