package dev.orderflow.functions.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.order.OrderId;
import java.util.Map;

/** Reads the order named by the {@code {id}} of a route such as {@code /orders/{id}}. */
final class OrderPaths {

    private OrderPaths() {}

    /**
     * @throws OrderNotFound if the id is not one we could have issued: it names no order, and 404
     *     says so without detail
     */
    static OrderId orderId(APIGatewayV2HTTPEvent event) {
        Map<String, String> path =
                event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        String raw = path.getOrDefault("id", "");
        try {
            return new OrderId(raw);
        } catch (InvalidInput e) {
            throw new OrderNotFound(raw);
        }
    }
}
