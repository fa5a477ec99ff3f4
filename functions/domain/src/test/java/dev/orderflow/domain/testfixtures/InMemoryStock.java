package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.FulfillmentCenters;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.inventory.StockLevel;
import dev.orderflow.domain.inventory.StockLevels;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Centers, stock levels and reservations in memory, with the same all-or-nothing rules. */
public final class InMemoryStock implements FulfillmentCenters, StockLevels, StockReservations {

    private final List<FulfillmentCenter> centers = new ArrayList<>();
    private final Map<String, Integer> available = new HashMap<>();
    private final Map<OrderId, Allocation> reserved = new HashMap<>();
    private Runnable beforeNextReserve = () -> {};
    private List<StockLevel> recentLevels;

    public InMemoryStock center(FulfillmentCenter center) {
        centers.add(center);
        return this;
    }

    public InMemoryStock stock(CenterId center, String sku, int units) {
        available.put(key(center, new Sku(sku)), units);
        return this;
    }

    /** Runs once just before the next reservation, as a concurrent buyer would. */
    public void beforeNextReserve(Runnable action) {
        beforeNextReserve = action;
    }

    /** The levels the next {@link #recentLevelsOf} answers, as an old copy would. */
    public void recentLevels(List<StockLevel> levels) {
        recentLevels = List.copyOf(levels);
    }

    public int available(CenterId center, String sku) {
        return available.getOrDefault(key(center, new Sku(sku)), 0);
    }

    public boolean holdsReservationFor(OrderId order) {
        return reserved.containsKey(order);
    }

    @Override
    public List<FulfillmentCenter> all() {
        return List.copyOf(centers);
    }

    @Override
    public List<StockLevel> levelsOf(Set<Sku> skus) {
        List<StockLevel> levels = new ArrayList<>();
        available.forEach(
                (key, units) -> {
                    String[] parts = key.split("\\|", -1);
                    Sku sku = new Sku(parts[1]);
                    if (skus.contains(sku)) {
                        levels.add(new StockLevel(sku, new CenterId(parts[0]), units));
                    }
                });
        return levels;
    }

    @Override
    public List<StockLevel> recentLevelsOf(Set<Sku> skus) {
        List<StockLevel> levels = recentLevels;
        recentLevels = null;
        return levels != null ? levels : levelsOf(skus);
    }

    @Override
    public Allocation reserve(OrderId order, Reservation reservation) {
        Allocation allocation = reservation.allocation();
        Runnable action = beforeNextReserve;
        beforeNextReserve = () -> {};
        action.run();
        if (reserved.containsKey(order)) {
            return reserved.get(order);
        }
        List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
        for (Shipment s : allocation.shipments()) {
            for (OrderLine l : s.lines()) {
                int held = available.getOrDefault(key(s.center(), l.sku()), 0);
                if (held < l.quantity()) {
                    shortfalls.add(
                            new InsufficientStock.Shortfall(l.sku().value(), l.quantity(), held));
                }
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new InsufficientStock(shortfalls);
        }
        for (Shipment s : allocation.shipments()) {
            for (OrderLine l : s.lines()) {
                available.merge(key(s.center(), l.sku()), -l.quantity(), Integer::sum);
            }
        }
        reserved.put(order, allocation);
        return allocation;
    }

    @Override
    public void release(OrderId order) {
        Allocation allocation = reserved.remove(order);
        if (allocation == null) {
            return;
        }
        for (Shipment s : allocation.shipments()) {
            for (OrderLine l : s.lines()) {
                available.merge(key(s.center(), l.sku()), l.quantity(), Integer::sum);
            }
        }
    }

    @Override
    public void commit(OrderId order) {
        reserved.remove(order); // the units left: nothing to give back
    }

    private static String key(CenterId center, Sku sku) {
        return center.value() + "|" + sku.value();
    }
}
