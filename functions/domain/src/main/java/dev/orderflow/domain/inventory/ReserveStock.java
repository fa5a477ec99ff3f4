package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.FulfillmentCenters;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderChanges;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Use case: allocates a pending order to fulfillment centers, reserves its stock and records the
 * allocation on the order (the saga's {@code ReserveStep} runs it and turns its refusals into
 * verdicts). Safe to retry: an order that is reserved already is returned as it is, and
 * reservations are idempotent per order. When stock moves between reading levels and reserving, it
 * allocates again on fresh levels. It allocates only from the centers its {@link AllocationScope}
 * includes: those homed in its own region when each region's Inventory table is its own, every
 * center when the table is multi-Region strongly consistent.
 */
public final class ReserveStock {

    /** Allocate-and-reserve rounds before concluding the stock is gone. */
    static final int MAX_ROUNDS = 3;

    private final OrderChanges orders;
    private final FulfillmentCenters centers;
    private final StockLevels levels;
    private final StockReservations reservations;
    private final Allocator allocator = new Allocator();
    private final Clock clock;
    private final RandomGenerator random;
    private final AllocationScope scope;

    public ReserveStock(
            OrderRepository orders,
            FulfillmentCenters centers,
            StockLevels levels,
            StockReservations reservations,
            Clock clock,
            AllocationScope scope) {
        // java.util.Random: safe to share between threads, as one use case may be.
        this(orders, centers, levels, reservations, clock, scope, new Random());
    }

    /** With the source of the random shard each reservation starts at (see {@link ShardPicker}). */
    public ReserveStock(
            OrderRepository orders,
            FulfillmentCenters centers,
            StockLevels levels,
            StockReservations reservations,
            Clock clock,
            AllocationScope scope,
            RandomGenerator random) {
        this.orders = new OrderChanges(Objects.requireNonNull(orders, "orders"));
        this.centers = Objects.requireNonNull(centers, "centers");
        this.levels = Objects.requireNonNull(levels, "levels");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Reserves the order's stock and records the allocation on the order.
     *
     * @return the order, {@link OrderStatus#RESERVED}
     * @throws OrderNotFound if there is no such order
     * @throws InsufficientStock if the centers serving its address cannot fill it
     * @throws InvalidStateTransition if the order is no longer pending (e.g. being cancelled); any
     *     stock this call reserved is released first
     */
    public Order reserve(OrderId id) {
        Order order = orders.load(id);
        if (order.status() == OrderStatus.RESERVED) {
            return order; // a retried step that succeeded before
        }
        if (order.status() != OrderStatus.PENDING) {
            throw new InvalidStateTransition(
                    id.value(), order.status().name(), OrderStatus.RESERVED.name());
        }
        Allocation allocation = allocateAndReserve(order);
        Order stored = orders.change(order, current -> recordReservation(current, allocation));
        if (stored.status() != OrderStatus.RESERVED) {
            reservations.release(id);
            throw new InvalidStateTransition(
                    id.value(), stored.status().name(), OrderStatus.RESERVED.name());
        }
        return stored;
    }

    /**
     * The order's next version holding the reservation; nothing once it left {@link
     * OrderStatus#PENDING} meanwhile (a duplicate step reserved it, or a cancellation came in).
     */
    private Optional<OrderChanges.Change> recordReservation(Order current, Allocation allocation) {
        if (current.status() != OrderStatus.PENDING) {
            return Optional.empty();
        }
        Order reserved = current.reserved(allocation, clock.instant());
        return Optional.of(new OrderChanges.Change(reserved, reserved.reason()));
    }

    private Allocation allocateAndReserve(Order order) {
        Set<Sku> skus = new LinkedHashSet<>();
        order.lines().stream().map(OrderLine::sku).forEach(skus::add);
        // Centers do not move between rounds; stock does, so only the levels are read again.
        List<FulfillmentCenter> all = centers.all().stream().filter(scope::includes).toList();
        InsufficientStock last = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // The first round plans on recent levels (for a hot product, a copy up to a second
            // old: reading its every shard for every order would overload them). A copy cannot
            // fill the order: refused. A reservation planned on it fails: the stock moved since,
            // so later rounds read the stock itself.
            List<StockLevel> stock =
                    round == 0 ? levels.recentLevelsOf(skus) : levels.levelsOf(skus);
            Allocation allocation =
                    allocator.allocate(order.lines(), order.address().regionKey(), all, stock);
            try {
                return reservations.reserve(
                        order.id(), Reservation.plan(allocation, stock, random));
            } catch (InsufficientStock moved) {
                last = moved; // stock went to someone else since we read it: look again
            }
        }
        throw last;
    }
}
