package dev.orderflow.domain.order;

import java.util.Objects;

/**
 * The outbox relay's use case: a placed order's fulfillment workflow starts exactly once, however
 * often the order's creation is delivered (DynamoDB Streams delivers at least once).
 */
public final class StartFulfillment {

    private final WorkflowStarter workflows;

    public StartFulfillment(WorkflowStarter workflows) {
        this.workflows = Objects.requireNonNull(workflows, "workflows");
    }

    /**
     * Starts the workflow of a placed order; starting it again is a no-op that reports {@link
     * WorkflowStarter.Started#ALREADY}.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the engine cannot answer
     */
    public WorkflowStarter.Started start(OrderId order) {
        Objects.requireNonNull(order, "order");
        return workflows.start(order);
    }
}
