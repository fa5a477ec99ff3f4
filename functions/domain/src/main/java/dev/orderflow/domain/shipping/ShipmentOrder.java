package dev.orderflow.domain.shipping;

import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a center's warehouse system is asked to pick, pack and ship. It carries no task token: the
 * warehouse reports back by order and center, never with the saga's token.
 *
 * @param orderId the order it belongs to
 * @param center the center that ships it, with how its warehouse system is reached
 * @param lines what it ships
 * @param address where it goes
 */
public record ShipmentOrder(
        OrderId orderId, FulfillmentCenter center, List<OrderLine> lines, ShippingAddress address) {
    public ShipmentOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(center, "center");
        lines = List.copyOf(lines);
        Objects.requireNonNull(address, "address");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a shipment ships at least one line");
        }
    }
}
