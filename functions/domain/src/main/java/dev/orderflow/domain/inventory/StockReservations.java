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
     * Reserves every shard's units of the reservation for the order, or nothing.
     *
     * @return the allocation the order now holds: the reservation's, or, when the order already
     *     held a reservation (a retried or overlapping step), the one reserved first, so the order
     *     records exactly the units that are reserved for it
     * @throws dev.orderflow.domain.error.InsufficientStock if a shard no longer holds enough (stock
     *     moved since the levels were read: allocate again on fresh levels)
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store is throttled, down, or
     *     a concurrent transaction conflicted (retry with backoff)
     */
    Allocation reserve(OrderId order, Reservation reservation);

    /**
     * Returns the order's reserved units to the shards they came from. Does nothing if the order
     * holds no reservation (never reserved, or released already).
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
