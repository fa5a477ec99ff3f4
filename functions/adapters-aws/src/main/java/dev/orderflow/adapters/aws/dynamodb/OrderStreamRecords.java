package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.OrderId;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the orders table's stream, whose records carry the table's own key layout: the insert of an
 * order item ({@code sk = ORDER}) is a placed order; everything else in an order's collection
 * (events, shipments, reservations, updates, removals) is not.
 */
public final class OrderStreamRecords {

    private OrderStreamRecords() {}

    /**
     * The order a stream record places, if it places one.
     *
     * @param eventName the record's {@code eventName}: {@code INSERT}, {@code MODIFY} or {@code
     *     REMOVE}
     * @param keys the record's string key attributes, by attribute name
     * @throws InvalidInput if an inserted order item's partition key is not {@code ORDER#<orderId>}
     */
    public static Optional<OrderId> placedOrder(String eventName, Map<String, String> keys) {
        if (!"INSERT".equals(eventName) || !OrderItem.SK.equals(keys.get("sk"))) {
            return Optional.empty();
        }
        String pk = keys.getOrDefault("pk", "");
        return Optional.of(
                OrderKeys.order(pk)
                        .orElseThrow(() -> InvalidInput.of("pk", "must be ORDER#<orderId>")));
    }
}
