package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderStatus;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an {@link OrderEvent} is laid out in its order's item collection: {@code sk = EVENT#<version,
 * zero-padded>}, so a query on the collection returns the trail oldest first.
 */
final class OrderEventItem {

    static final String SK_PREFIX = "EVENT#";

    private OrderEventItem() {}

    static Map<String, AttributeValue> toItem(OrderId order, OrderEvent event) {
        return Map.of(
                "pk", AttributeValue.fromS(OrderKeys.pk(order)),
                "sk", AttributeValue.fromS(SK_PREFIX + String.format("%010d", event.version())),
                "version", AttributeValue.fromN(Long.toString(event.version())),
                "status", AttributeValue.fromS(event.status().name()),
                "at", AttributeValue.fromS(event.at().toString()),
                "detail", AttributeValue.fromS(event.detail()));
    }

    static OrderEvent fromItem(Map<String, AttributeValue> item) {
        return new OrderEvent(
                Long.parseLong(item.get("version").n()),
                OrderStatus.valueOf(item.get("status").s()),
                Instant.parse(item.get("at").s()),
                item.get("detail").s());
    }
}
