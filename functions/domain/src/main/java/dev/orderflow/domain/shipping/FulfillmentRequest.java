package dev.orderflow.domain.shipping;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.List;
import java.util.Objects;

/**
 * One shipment the saga hands to a fulfillment center, with the token that reports its outcome.
 *
 * @param orderId the order it belongs to
 * @param shipment the center and what it picks
 * @param taskToken the waiting saga step's token
 */
public record FulfillmentRequest(OrderId orderId, Shipment shipment, TaskToken taskToken) {
    public FulfillmentRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shipment, "shipment");
        Objects.requireNonNull(taskToken, "taskToken");
    }

    /** Shorthand for a request to one center. */
    public static FulfillmentRequest of(
            OrderId orderId, CenterId center, List<OrderLine> items, TaskToken taskToken) {
        return new FulfillmentRequest(orderId, new Shipment(center, items), taskToken);
    }
}
