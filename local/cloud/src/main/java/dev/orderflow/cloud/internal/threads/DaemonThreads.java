package dev.orderflow.cloud.internal.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local cloud's threads: all daemons, so that a stack left open never keeps its JVM alive
 * (`orderflow up` stops on its own shutdown hook), and each named after what it serves, so that a
 * thread dump or a profile reads by service.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> daemon(task, prefix + "-" + n.incrementAndGet());
    }

    /** Threads all named {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> daemon(task, name);
    }

    /** Starts {@code task} on a daemon thread named {@code name}. */
    public static Thread start(Runnable task, String name) {
        Thread t = daemon(task, name);
        t.start();
        return t;
    }

    /**
     * A daemon thread named {@code name}, not yet started: for a caller that must record the thread
     * before it runs (a thread that removes itself from a list when it ends).
     */
    public static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
