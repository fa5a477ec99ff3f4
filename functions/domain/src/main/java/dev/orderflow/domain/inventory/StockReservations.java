package dev.orderflow.domain.inventory;

import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;

/**
 * The port that makes an allocation binding. Reserving is all-or-nothing and conditional on the
 * stock still being there, so stock never goes negative and no unit is promised twice; both
 * operations are idempotent per order, so a retried saga step is harmless.
 */
public interface StockReservations {

    /**
     * Reserves every line of the allocation for the order, or nothing.
     *
     * @return the allocation the order now holds: {@code allocation}, or, when the order already
     *     held a reservation (a retried or overlapping step), the one reserved first, so the order
     *     records exactly the units that are reserved for it
     * @throws dev.orderflow.domain.error.InsufficientStock if a center no longer holds enough
     *     (stock moved since allocation: allocate again on fresh levels)
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store is throttled, down, or
     *     a concurrent transaction conflicted (retry with backoff)
     */
    Allocation reserve(OrderId order, Allocation allocation);

    /**
     * Returns the order's reserved units to stock. Does nothing if the order holds no reservation
     * (never reserved, or released already).
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void release(OrderId order);

    /**
     * The reserved units left their centers: they stop being reserved, and a later release gives
     * nothing back. Does nothing if the order holds no reservation (committed or released already).
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void commit(OrderId order);
}
