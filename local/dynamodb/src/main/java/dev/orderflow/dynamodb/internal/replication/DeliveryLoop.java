package dev.orderflow.dynamodb.internal.replication;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that applies MREC deliveries once due. It sleeps until the next due time (at most
 * {@link #TICK}, so that a clock moved by a test is noticed) or until a write wakes it; with no
 * deliverable delivery it sleeps until woken.
 */
final class DeliveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final Duration TICK = Duration.ofMillis(100);

    private final Replication replication;
    private final Object lock;
    private final Thread thread;
    private boolean woken;
    private boolean closed;

    DeliveryLoop(Replication replication, Object lock) {
        this.replication = replication;
        this.lock = lock;
        this.thread = new Thread(this::run, "dynamodb-global-tables");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void run() {
        while (awaitWork()) {
            try {
                replication.deliverDue();
            } catch (RuntimeException e) {
                // the loop is this thread's top level: log, keep the deliveries, try again later
                LOG.error("global tables: a delivery failed; it stays pending", e);
            }
        }
    }

    /** Waits until a delivery may be due or a write arrived; false once closed. */
    private boolean awaitWork() {
        synchronized (lock) {
            while (!closed && !woken) {
                Optional<Instant> next = replication.nextDue();
                long waitMs;
                if (next.isEmpty()) {
                    waitMs = 0; // until woken
                } else {
                    Duration until = Duration.between(replication.clock().instant(), next.get());
                    if (until.isNegative() || until.isZero()) {
                        break;
                    }
                    waitMs = Math.max(1, Math.min(until.toMillis(), TICK.toMillis()));
                }
                try {
                    lock.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (next.isPresent()) {
                    break; // re-check what is due
                }
            }
            woken = false;
            return !closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
