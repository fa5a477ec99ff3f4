package dev.orderflow.domain.order;

import java.util.List;

/**
 * Which center ships what: one shipment per center, nearest center first.
 *
 * @param shipments at least one
 */
public record Allocation(List<Shipment> shipments) {
    public Allocation {
        shipments = List.copyOf(shipments);
        if (shipments.isEmpty()) {
            throw new IllegalArgumentException("an allocation has at least one shipment");
        }
        if (shipments.stream().map(Shipment::center).distinct().count() != shipments.size()) {
            throw new IllegalArgumentException("an allocation has one shipment per center");
        }
    }

    /** Whether the order ships from more than one center. */
    public boolean isSplit() {
        return shipments.size() > 1;
    }
}
