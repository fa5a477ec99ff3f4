package dev.orderflow.domain.order;

import dev.orderflow.domain.centers.CenterId;
import java.util.List;
import java.util.Objects;

/**
 * The part of an order one center ships.
 *
 * @param center the center that picks and ships it
 * @param lines what it ships, one line per product
 */
public record Shipment(CenterId center, List<OrderLine> lines) {
    public Shipment {
        Objects.requireNonNull(center, "center");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a shipment ships at least one line");
        }
    }

    /** Units in this shipment. */
    public int units() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
