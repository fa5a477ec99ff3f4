package dev.orderflow.functions.fulfillment;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.shipping.WarehouseEvent;

/**
 * The JSON body a warehouse system posts about a shipment: {@code {"type":"SHIPPED",
 * "trackingNumber":"..."}}, {@code {"type":"CANNOT_PICK","reason":"..."}} or {@code
 * {"type":"PICKING"}}; a field the type does not take is refused.
 */
record ShipmentEventRequest(String type, String trackingNumber, String reason) {

    /**
     * @throws InvalidInput naming the field that is missing, unknown for the type, or malformed
     */
    WarehouseEvent toEvent() {
        if (type == null) {
            throw InvalidInput.of("type", "is required");
        }
        return switch (type) {
            case "SHIPPED" -> {
                only("trackingNumber", reason, "reason");
                yield new WarehouseEvent.Shipped(required(trackingNumber, "trackingNumber"));
            }
            case "CANNOT_PICK" -> {
                only("reason", trackingNumber, "trackingNumber");
                yield new WarehouseEvent.CannotPick(required(reason, "reason"));
            }
            case "PICKING" -> {
                only("nothing", trackingNumber, "trackingNumber");
                only("nothing", reason, "reason");
                yield new WarehouseEvent.Picking();
            }
            default -> throw InvalidInput.of("type", "must be SHIPPED, CANNOT_PICK or PICKING");
        };
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw InvalidInput.of(field, "is required");
        }
        return value;
    }

    private void only(String allowed, String value, String field) {
        if (value != null) {
            throw InvalidInput.of(
                    field, "is not a field of " + type + " (it takes " + allowed + ")");
        }
    }
}
