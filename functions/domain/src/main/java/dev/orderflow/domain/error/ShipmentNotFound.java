package dev.orderflow.domain.error;

/** No shipment of that order was ever handed to that center's warehouse system (404). */
public final class ShipmentNotFound extends DomainException {

    /** Creates the failure naming the order and the center. */
    public ShipmentNotFound(String orderId, String centerId) {
        super(
                "ShipmentNotFound",
                "no shipment of order " + orderId + " was handed to center " + centerId,
                null);
    }
}
