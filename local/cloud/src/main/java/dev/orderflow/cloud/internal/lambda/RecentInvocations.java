package dev.orderflow.cloud.internal.lambda;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last invocations of one function, newest first, for the console: a bounded ring (100
 * invocations, each with at most 32 KB of log), so a load test of hours costs the same memory as
 * one order.
 */
public final class RecentInvocations {

    /** Enough to see a burst and its errors; the log keeps the rest. */
    static final int CAPACITY = 100;

    /**
     * One finished invocation.
     *
     * @param start when the runtime took it (the clock of the runtime)
     * @param durationMs from taking it to its outcome, cold start included
     * @param initMs the cold start's init, empty for a warm start
     * @param errorType the function error's type, empty for a success
     * @param log the lines its code wrote from the invocation's thread (init included for a cold
     *     start), at most 32 KB of them
     */
    public record Entry(
            String requestId,
            Instant start,
            double durationMs,
            Optional<Double> initMs,
            Optional<String> errorType,
            Optional<String> errorMessage,
            List<String> log) {
        public Entry {
            log = List.copyOf(log);
        }

        public boolean cold() {
            return initMs.isPresent();
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>(CAPACITY);
    private long total;
    private long errors;

    synchronized void add(Entry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeLast();
        }
        entries.addFirst(entry);
        total++;
        if (entry.errorType().isPresent()) {
            errors++;
        }
    }

    /** The kept invocation of this request id, if it is still kept. */
    public synchronized Optional<Entry> find(String requestId) {
        return entries.stream().filter(e -> e.requestId().equals(requestId)).findFirst();
    }

    /** The kept invocations, newest first. */
    public synchronized List<Entry> newestFirst() {
        return new ArrayList<>(entries);
    }

    /** Invocations finished since the function was deployed. */
    public synchronized long total() {
        return total;
    }

    /** Of {@link #total()}, those that ended in a function error. */
    public synchronized long errors() {
        return errors;
    }
}
