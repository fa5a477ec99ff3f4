package dev.orderflow.domain.order;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.error.InvalidStateTransition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order. Immutable: every change returns the next version, which the repository stores with an
 * optimistic-lock check on {@link #version()}.
 *
 * @param id its identity
 * @param customerId the customer who placed it (the token subject)
 * @param lines what was ordered, one line per product
 * @param address where it ships
 * @param total the price of all lines
 * @param status where it is in its life
 * @param allocation which centers ship what, once stock is reserved
 * @param paymentId the provider's payment id, once paid
 * @param reason why it was rejected or cancelled, empty otherwise
 * @param version incremented by every change, starting at 1
 * @param createdAt when it was placed
 * @param updatedAt when it last changed
 */
public record Order(
        OrderId id,
        String customerId,
        List<OrderLine> lines,
        ShippingAddress address,
        Money total,
        OrderStatus status,
        Optional<Allocation> allocation,
        Optional<String> paymentId,
        String reason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /** A new order, {@link OrderStatus#PENDING} at version 1. */
    public static Order place(
            OrderId id,
            String customerId,
            List<OrderLine> lines,
            ShippingAddress address,
            Money total,
            Instant now) {
        return new Order(
                id,
                customerId,
                lines,
                address,
                total,
                OrderStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                "",
                1,
                now,
                now);
    }

    /**
     * The order as its placement left it, whatever happened since: what a replayed placement
     * answers, since a replay must answer exactly as the first call did.
     */
    public Order asPlaced() {
        return place(id, customerId, lines, address, total, createdAt);
    }

    /** Stock is reserved as allocated. */
    public Order reserved(Allocation reservedAs, Instant now) {
        return moveTo(OrderStatus.RESERVED, now, Optional.of(reservedAs), paymentId, reason);
    }

    /** The payment was captured. */
    public Order paid(String providerPaymentId, Instant now) {
        return moveTo(OrderStatus.PAID, now, allocation, Optional.of(providerPaymentId), reason);
    }

    /** The shipments were handed to their centers. */
    public Order shipping(Instant now) {
        return moveTo(OrderStatus.SHIPPING, now, allocation, paymentId, reason);
    }

    /** Every shipment left its center. */
    public Order shipped(Instant now) {
        return moveTo(OrderStatus.SHIPPED, now, allocation, paymentId, reason);
    }

    /** The order cannot be fulfilled; compensation has run. */
    public Order rejected(String why, Instant now) {
        return moveTo(OrderStatus.REJECTED, now, allocation, paymentId, why);
    }

    /** The customer asked to cancel; compensation starts. */
    public Order cancelRequested(Instant now) {
        return moveTo(
                OrderStatus.CANCELLING, now, allocation, paymentId, "cancelled by the customer");
    }

    /** Compensation for a cancellation has run. */
    public Order cancelled(Instant now) {
        return moveTo(OrderStatus.CANCELLED, now, allocation, paymentId, reason);
    }

    /** Whether this caller may see the order: its customer or an admin. */
    public boolean isVisibleTo(dev.orderflow.domain.identity.Caller caller) {
        return caller.isAdmin() || caller.subject().equals(customerId);
    }

    private Order moveTo(
            OrderStatus target,
            Instant now,
            Optional<Allocation> newAllocation,
            Optional<String> newPaymentId,
            String newReason) {
        if (!status.next().contains(target)) {
            throw new InvalidStateTransition(id.value(), status.name(), target.name());
        }
        return new Order(
                id,
                customerId,
                lines,
                address,
                total,
                target,
                newAllocation,
                newPaymentId,
                newReason,
                version + 1,
                createdAt,
                now);
    }
}
