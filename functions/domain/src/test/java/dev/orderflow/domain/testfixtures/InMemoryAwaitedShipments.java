package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.shipping.AwaitedShipments;
import dev.orderflow.domain.shipping.TaskToken;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Awaited shipments' tokens in memory, by order and center. */
public final class InMemoryAwaitedShipments implements AwaitedShipments {

    private final Map<String, TaskToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void await(OrderId order, CenterId center, TaskToken token) {
        tokens.put(order.value() + "|" + center.value(), token);
    }

    @Override
    public Optional<TaskToken> find(OrderId order, CenterId center) {
        return Optional.ofNullable(tokens.get(order.value() + "|" + center.value()));
    }
}
