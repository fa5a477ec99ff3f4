package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.sqs.QueueService;
import java.util.function.Supplier;

/**
 * A stack's ElasticMQ kept running while the stack itself is stopped and started again in the same
 * process (a region taken down and up), so its queues and messages outlive the stop without a data
 * directory: ElasticMQ's own persistence keeps one database per JVM, which several regions cannot
 * share. Whoever owns it closes it; the stacks that use it do not.
 */
public final class KeptQueues implements AutoCloseable {

    private QueueService queues;
    private boolean closed;

    /** The kept service, started by {@code start} on the first call. */
    synchronized QueueService openOrReuse(Supplier<QueueService> start) {
        if (closed) {
            throw new IllegalStateException("the kept queues are closed");
        }
        if (queues == null) {
            queues = start.get();
        }
        return queues;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (queues != null) {
            queues.close();
            queues = null;
        }
    }
}
