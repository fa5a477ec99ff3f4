package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.WorkflowStarter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Executions in memory, one per order id as the engine keys them; can be told to be down. */
public final class InMemoryWorkflowStarter implements WorkflowStarter {

    private final Set<OrderId> started = ConcurrentHashMap.newKeySet();
    private final List<OrderId> calls = new CopyOnWriteArrayList<>();
    private final Set<OrderId> unavailableFor = ConcurrentHashMap.newKeySet();

    /** Starting this order fails as a throttled or unreachable engine does. */
    public InMemoryWorkflowStarter unavailableFor(OrderId order) {
        unavailableFor.add(order);
        return this;
    }

    @Override
    public Started start(OrderId order) {
        calls.add(order);
        if (unavailableFor.contains(order)) {
            throw new DependencyUnavailable(
                    "workflow engine", new IllegalStateException("simulated throttling"));
        }
        return started.add(order) ? Started.NOW : Started.ALREADY;
    }

    /** Orders with an execution. */
    public Set<OrderId> started() {
        return Set.copyOf(started);
    }

    /** Every start request, duplicates included, in order. */
    public List<OrderId> calls() {
        return List.copyOf(calls);
    }
}
