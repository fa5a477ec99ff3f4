package dev.orderflow.domain.order;

import dev.orderflow.domain.catalog.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compact record of a finished order that has left the live store: what was ordered, what it
 * cost, how it ended and its timeline. It keeps no shipping address and no payment id: a customer's
 * history needs neither, and what is not kept cannot leak.
 *
 * @param id the order
 * @param customerId who placed it
 * @param status how it ended
 * @param lines what was ordered
 * @param total what it cost
 * @param allocation which centers shipped what, if stock was reserved
 * @param reason why it was rejected or cancelled, empty otherwise
 * @param version the order's last version
 * @param createdAt when it was placed
 * @param finishedAt when it reached its final state
 * @param trail its event trail, oldest first
 */
public record ArchivedOrder(
        OrderId id,
        String customerId,
        OrderStatus status,
        List<OrderLine> lines,
        Money total,
        Optional<Allocation> allocation,
        String reason,
        long version,
        Instant createdAt,
        Instant finishedAt,
        List<OrderEvent> trail) {

    public ArchivedOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        trail = List.copyOf(trail);
    }

    /** The archive's record of an order as it was last stored, with its trail. */
    public static ArchivedOrder of(Order order, List<OrderEvent> trail) {
        return new ArchivedOrder(
                order.id(),
                order.customerId(),
                order.status(),
                order.lines(),
                order.total(),
                order.allocation(),
                order.reason(),
                order.version(),
                order.createdAt(),
                order.updatedAt(),
                trail);
    }

    /** Whether this caller may see it: its customer or an admin. */
    public boolean isVisibleTo(dev.orderflow.domain.identity.Caller caller) {
        return caller.isAdmin() || caller.subject().equals(customerId);
    }
}
