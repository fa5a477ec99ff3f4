package dev.orderflow.domain.shipping;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.OrderId;
import java.util.Optional;

/**
 * The port to the shipments whose saga step waits for a warehouse's report: the step's task token
 * kept by order and center, so a warehouse reports by those and never sees the token.
 */
public interface AwaitedShipments {

    /**
     * Keeps the token the shipment's step waits with, replacing an earlier one (a redelivered
     * request carries the same token; a redriven execution a newer one).
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void await(OrderId order, CenterId center, TaskToken token);

    /**
     * The token of the shipment's waiting step, if the shipment was ever handed to a warehouse.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Optional<TaskToken> find(OrderId order, CenterId center);
}
