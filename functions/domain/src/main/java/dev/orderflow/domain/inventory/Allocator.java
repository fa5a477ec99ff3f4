package dev.orderflow.domain.inventory;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which fulfillment centers ship an order. Only centers serving the shipping region are
 * considered, nearest first (ties by center id, so the result is deterministic). The nearest center
 * that can fill the whole order ships all of it; when none can, each line is filled from the
 * nearest centers that hold it, splitting the order into one shipment per center used.
 *
 * <p>Allocation only plans: the reservation that makes it binding is a conditional write that may
 * still fail if stock moved in between, in which case the caller allocates again on fresh stock.
 */
public final class Allocator {

    /**
     * Plans the shipments of an order.
     *
     * @param lines the order's lines, one per product
     * @param regionKey where it ships, e.g. {@code DE-BY}
     * @param centers every fulfillment center
     * @param stock current stock levels (any order; absent means none)
     * @throws InsufficientStock naming each product that the serving centers cannot fill
     * @throws IllegalArgumentException if a product appears on two lines
     */
    public Allocation allocate(
            List<OrderLine> lines,
            String regionKey,
            List<FulfillmentCenter> centers,
            List<StockLevel> stock) {
        requireDistinctProducts(lines);
        List<FulfillmentCenter> serving =
                centers.stream()
                        .filter(c -> c.distanceTo(regionKey).isPresent())
                        .sorted(
                                Comparator.comparingInt(
                                                (FulfillmentCenter c) ->
                                                        c.distanceTo(regionKey).getAsInt())
                                        .thenComparing(FulfillmentCenter::id))
                        .toList();
        Map<CenterId, Map<Sku, Integer>> available = index(stock);

        for (FulfillmentCenter center : serving) {
            Map<Sku, Integer> held = available.getOrDefault(center.id(), Map.of());
            if (lines.stream().allMatch(l -> held.getOrDefault(l.sku(), 0) >= l.quantity())) {
                return new Allocation(List.of(new Shipment(center.id(), lines)));
            }
        }
        return split(lines, serving, available);
    }

    private static Allocation split(
            List<OrderLine> lines,
            List<FulfillmentCenter> serving,
            Map<CenterId, Map<Sku, Integer>> available) {
        Map<CenterId, List<OrderLine>> byCenter = new LinkedHashMap<>();
        serving.forEach(c -> byCenter.put(c.id(), new ArrayList<>()));
        List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
        for (OrderLine line : lines) {
            int missing = line.quantity();
            for (FulfillmentCenter center : serving) {
                int held =
                        available.getOrDefault(center.id(), Map.of()).getOrDefault(line.sku(), 0);
                int take = Math.min(held, missing);
                if (take > 0) {
                    byCenter.get(center.id()).add(new OrderLine(line.sku(), take));
                    missing -= take;
                }
                if (missing == 0) {
                    break;
                }
            }
            if (missing > 0) {
                shortfalls.add(
                        new InsufficientStock.Shortfall(
                                line.sku().value(), line.quantity(), line.quantity() - missing));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new InsufficientStock(shortfalls);
        }
        List<Shipment> shipments = new ArrayList<>();
        byCenter.forEach(
                (center, shipped) -> {
                    if (!shipped.isEmpty()) {
                        shipments.add(new Shipment(center, shipped));
                    }
                });
        return new Allocation(shipments);
    }

    private static Map<CenterId, Map<Sku, Integer>> index(List<StockLevel> stock) {
        Map<CenterId, Map<Sku, Integer>> available = new HashMap<>();
        for (StockLevel level : stock) {
            available
                    .computeIfAbsent(level.center(), c -> new HashMap<>())
                    .merge(level.sku(), level.available(), Integer::sum);
        }
        return available;
    }

    private static void requireDistinctProducts(List<OrderLine> lines) {
        Set<Sku> seen = new HashSet<>();
        for (OrderLine line : lines) {
            if (!seen.add(line.sku())) {
                throw new IllegalArgumentException(
                        "product " + line.sku() + " appears on two lines");
            }
        }
    }
}
