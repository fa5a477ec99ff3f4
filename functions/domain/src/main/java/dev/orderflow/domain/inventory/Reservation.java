package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An allocation down to stock shards: which shard of which center gives each product's units.
 *
 * @param allocation the centers and what each ships
 * @param units the shard-by-shard units that add up to it
 */
public record Reservation(Allocation allocation, List<ReservedUnits> units) {
    public Reservation {
        Objects.requireNonNull(allocation, "allocation");
        units = List.copyOf(units);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a reservation holds at least one unit");
        }
    }

    /**
     * Picks the shards for every line of the allocation from the levels it was planned on, each
     * line starting at a random shard (see {@link ShardPicker}).
     *
     * @throws InsufficientStock if the levels cannot fill a line (they are not the ones the
     *     allocation was planned on)
     */
    public static Reservation plan(
            Allocation allocation, List<StockLevel> levels, RandomGenerator random) {
        Map<String, List<Integer>> shardsOf = new HashMap<>();
        for (StockLevel level : levels) {
            shardsOf.put(key(level.center(), level.sku()), level.shards());
        }
        List<ReservedUnits> units = new ArrayList<>();
        List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
        for (Shipment shipment : allocation.shipments()) {
            for (OrderLine line : shipment.lines()) {
                List<Integer> shards =
                        shardsOf.getOrDefault(key(shipment.center(), line.sku()), List.of(0));
                List<ShardTake> takes =
                        ShardPicker.take(shards, line.quantity(), random.nextInt(shards.size()));
                if (takes.isEmpty()) {
                    int held = shards.stream().mapToInt(Integer::intValue).sum();
                    shortfalls.add(
                            new InsufficientStock.Shortfall(
                                    line.sku().value(), line.quantity(), held));
                }
                takes.forEach(
                        t ->
                                units.add(
                                        new ReservedUnits(
                                                line.sku(),
                                                shipment.center(),
                                                t.shard(),
                                                t.units())));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new InsufficientStock(shortfalls);
        }
        return new Reservation(allocation, units);
    }

    /**
     * The reservation these units make up, its allocation rebuilt from them: one shipment per
     * center in the order the units name them, one line per product with the units of all its
     * shards.
     */
    public static Reservation of(List<ReservedUnits> units) {
        Map<CenterId, Map<Sku, Integer>> byCenter = new LinkedHashMap<>();
        for (ReservedUnits held : units) {
            byCenter.computeIfAbsent(held.center(), c -> new LinkedHashMap<>())
                    .merge(held.sku(), held.units(), Integer::sum);
        }
        List<Shipment> shipments = new ArrayList<>();
        byCenter.forEach(
                (center, lines) -> {
                    List<OrderLine> shipped = new ArrayList<>();
                    lines.forEach((sku, quantity) -> shipped.add(new OrderLine(sku, quantity)));
                    shipments.add(new Shipment(center, shipped));
                });
        return new Reservation(new Allocation(shipments), units);
    }

    private static String key(CenterId center, Sku sku) {
        return center.value() + "|" + sku.value();
    }
}
