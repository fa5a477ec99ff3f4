package dev.orderflow.domain.order;

/**
 * The port to the workflow engine that fulfills orders: one execution per order, named after it, so
 * starting the same order twice starts it once.
 */
public interface WorkflowStarter {

    /** What a start request found. */
    enum Started {
        /** This call started the order's execution. */
        NOW,
        /** An execution for this order exists already (a duplicate or replayed request). */
        ALREADY
    }

    /**
     * Starts the fulfillment workflow of an order, unless it was started before.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the engine cannot answer (retry
     *     later)
     */
    Started start(OrderId order);
}
