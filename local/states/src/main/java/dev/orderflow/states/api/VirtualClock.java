package dev.orderflow.states.api;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Virtual time, a public feature of the engine: nothing happens until {@link #advance} or {@link
 * #runUntilIdle} moves the clock, and then due timers fire in time order on the calling thread. The
 * engine runs its work inline with this clock, so a user's workflow with Waits, retry backoff,
 * timeouts and heartbeats runs instantly and in a deterministic sequence.
 */
public final class VirtualClock implements StatesClock {
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    /** A clock starting at {@code start}. */
    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** A clock starting at 2024-01-01T00:00:00Z. */
    public VirtualClock() {
        this(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public boolean runsInline() {
        return true;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable action) {
        Timer t =
                new Timer(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, action);
        timers.add(t);
        return () -> {
            synchronized (VirtualClock.this) {
                t.cancelled = true;
                timers.remove(t);
            }
        };
    }

    /** Moves time forward by {@code duration}, firing every timer due on the way. */
    public void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                timers.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                next.action.run();
            }
        }
    }

    /**
     * Fires timers in order, jumping time forward, until none is left or {@code maxTimers} have
     * fired. Returns the number fired.
     */
    public int runUntilIdle(int maxTimers) {
        int fired = 0;
        while (fired < maxTimers) {
            Timer next;
            synchronized (this) {
                next = timers.poll();
                if (next == null) {
                    return fired;
                }
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            if (!next.cancelled) {
                next.action.run();
                fired++;
            }
        }
        return fired;
    }

    /** Like {@link #runUntilIdle(int)} with a bound of 100,000 timers. */
    public int runUntilIdle() {
        return runUntilIdle(100_000);
    }

    /** The number of pending timers. */
    public synchronized int pendingTimers() {
        return timers.size();
    }

    private static final class Timer implements Comparable<Timer> {
        final Instant due;
        final long seq;
        final Runnable action;
        volatile boolean cancelled;

        Timer(Instant due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Timer o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
