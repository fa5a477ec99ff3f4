package dev.orderflow.states.internal.exec;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serialises all work of one execution: tasks run one at a time, in order, either on the posting
 * thread (inline mode) or on a worker. Posting from inside a task only enqueues, which turns deep
 * state chains into a loop instead of recursion.
 */
final class Mailbox {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Executor executor;

    /** {@code executor} null means run inline on the posting thread. */
    Mailbox(Executor executor) {
        this.executor = executor;
    }

    void post(Runnable task) {
        queue.add(task);
        if (executor == null) {
            drain();
        } else if (running.compareAndSet(false, true)) {
            submit();
        }
    }

    private void drain() {
        while (!queue.isEmpty() && running.compareAndSet(false, true)) {
            drainOwned();
        }
    }

    private void drainOwned() {
        try {
            Runnable r;
            while ((r = queue.poll()) != null) {
                r.run();
            }
        } finally {
            running.set(false);
        }
        if (!queue.isEmpty() && executor != null && running.compareAndSet(false, true)) {
            submit();
        }
    }

    private void submit() {
        try {
            executor.execute(this::drainOwned);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The engine was closed: late callbacks (a slow task, a timer) are dropped.
            running.set(false);
            queue.clear();
        }
    }
}
