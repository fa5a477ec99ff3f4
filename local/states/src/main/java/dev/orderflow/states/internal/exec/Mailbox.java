package dev.orderflow.states.internal.exec;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serialises all work of one execution: tasks run one at a time, in order, either on the posting
 * thread (inline mode) or on a worker. Posting from inside a task only enqueues, which turns deep
 * state chains into a loop instead of recursion. A thread waiting for the execution may run work
 * that is scheduled but not yet picked up by a worker ({@link #help()}), which saves two thread
 * hand-offs per execution for a caller that starts an execution and waits for it.
 */
final class Mailbox {
    private static final int IDLE = 0;
    private static final int SCHEDULED = 1;
    private static final int RUNNING = 2;

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Executor executor;

    /** {@code executor} null means run inline on the posting thread. */
    Mailbox(Executor executor) {
        this.executor = executor;
    }

    void post(Runnable task) {
        queue.add(task);
        if (executor == null) {
            while (!queue.isEmpty() && state.compareAndSet(IDLE, RUNNING)) {
                drainOwned();
            }
        } else if (state.compareAndSet(IDLE, SCHEDULED)) {
            submit();
        }
    }

    /**
     * Runs the pending work on the calling thread when it is scheduled but no worker has started
     * it; returns false when there was none (idle, or already running elsewhere).
     */
    boolean help() {
        if (executor != null && state.compareAndSet(SCHEDULED, RUNNING)) {
            drainOwned();
            return true;
        }
        return false;
    }

    private void runScheduled() {
        // A helper may have taken the work since it was submitted: then there is nothing to do.
        if (state.compareAndSet(SCHEDULED, RUNNING)) {
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
            state.set(IDLE);
        }
        if (!queue.isEmpty() && executor != null && state.compareAndSet(IDLE, SCHEDULED)) {
            submit();
        }
    }

    private void submit() {
        try {
            executor.execute(this::runScheduled);
        } catch (RejectedExecutionException e) {
            // The engine was closed: late callbacks (a slow task, a timer) are dropped.
            state.set(IDLE);
            queue.clear();
        }
    }
}
