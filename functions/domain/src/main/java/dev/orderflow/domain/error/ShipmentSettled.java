package dev.orderflow.domain.error;

/**
 * The shipment's saga step no longer waits (it was reported before, timed out, or its order ended),
 * so a warehouse's report changes nothing (409).
 */
public final class ShipmentSettled extends DomainException {

    /** Creates the failure naming the order and the center. */
    public ShipmentSettled(String orderId, String centerId) {
        super(
                "ShipmentSettled",
                "the shipment of order "
                        + orderId
                        + " from center "
                        + centerId
                        + " is settled already; the report changes nothing",
                null);
    }
}
