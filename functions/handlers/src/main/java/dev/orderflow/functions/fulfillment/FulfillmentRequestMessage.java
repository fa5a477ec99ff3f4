package dev.orderflow.functions.fulfillment;

import static dev.orderflow.functions.messaging.MessageBodies.required;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.shipping.FulfillmentRequest;
import dev.orderflow.domain.shipping.TaskToken;
import dev.orderflow.functions.messaging.MessageBodies;
import java.util.List;

/**
 * The saga's message to a fulfillment center: {@code
 * {"orderId":"<uuid>","centerId":"FC-MUC","items":[{"sku":"MUG-BLUE","quantity":2}],"taskToken":"..."}}.
 */
record FulfillmentRequestMessage(
        String orderId, String centerId, List<Item> items, String taskToken) {

    /** One line of the shipment. */
    record Item(String sku, Integer quantity) {}

    /**
     * @throws InvalidInput if the body is not such a message
     */
    static FulfillmentRequest read(String body) {
        FulfillmentRequestMessage m = MessageBodies.read(body, FulfillmentRequestMessage.class);
        if (m.items() == null || m.items().isEmpty()) {
            throw InvalidInput.of("items", "must name at least one item");
        }
        List<OrderLine> lines =
                m.items().stream()
                        .map(
                                i -> {
                                    if (i == null || i.quantity() == null) {
                                        throw InvalidInput.of("items", "need a sku and a quantity");
                                    }
                                    return new OrderLine(
                                            new Sku(required(i.sku(), "items.sku")), i.quantity());
                                })
                        .toList();
        return FulfillmentRequest.of(
                new OrderId(required(m.orderId(), "orderId")),
                new CenterId(required(m.centerId(), "centerId")),
                lines,
                new TaskToken(required(m.taskToken(), "taskToken")));
    }
}
