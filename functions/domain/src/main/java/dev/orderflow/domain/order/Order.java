package dev.orderflow.domain.order;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.region.AwsRegion;
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
 * @param homeRegion the AWS region it was placed in, the only one that changes it after placement;
 *     empty for an order placed before orders had a home, which every region treats as its own
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
        Instant updatedAt,
        Optional<AwsRegion> homeRegion) {

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
        Objects.requireNonNull(homeRegion, "homeRegion");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /** A new order without a home region, {@link OrderStatus#PENDING} at version 1. */
    public static Order place(
            OrderId id,
            String customerId,
            List<OrderLine> lines,
            ShippingAddress address,
            Money total,
            Instant now) {
        return place(id, customerId, lines, address, total, now, Optional.empty());
    }

    /** A new order homed in a region, {@link OrderStatus#PENDING} at version 1. */
    public static Order place(
            OrderId id,
            String customerId,
            List<OrderLine> lines,
            ShippingAddress address,
            Money total,
            Instant now,
            Optional<AwsRegion> homeRegion) {
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
                now,
                homeRegion);
    }

    /**
     * The order as its placement left it, whatever happened since: what a replayed placement
     * answers, since a replay must answer exactly as the first call did.
     */
    public Order asPlaced() {
        return place(id, customerId, lines, address, total, createdAt, homeRegion);
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

    /** Whether the order is homed in that region: placed there, or before orders had a home. */
    public boolean isHomedIn(AwsRegion region) {
        return region.isHomeOf(homeRegion);
    }

    /**
     * Fails unless the order is homed in that region, the only one that may change it.
     *
     * @throws HomedInAnotherRegion naming its home region
     */
    public void requireHomedIn(AwsRegion region) {
        if (!isHomedIn(region)) {
            throw new HomedInAnotherRegion("order", id.value(), homeRegion.get().name());
        }
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
                now,
                homeRegion);
    }
}
