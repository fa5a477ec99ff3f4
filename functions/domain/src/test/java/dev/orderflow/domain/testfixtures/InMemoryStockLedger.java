package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.StockLedger;
import dev.orderflow.domain.inventory.StockPosition;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Stock positions in memory, adjusted under one lock so no adjustment is lost. */
public final class InMemoryStockLedger implements StockLedger {

    private final Map<String, StockPosition> positions = new TreeMap<>();
    private final Map<Sku, Integer> shards = new HashMap<>();

    /** Sets a position outright, as a test's starting state. */
    public synchronized InMemoryStockLedger with(StockPosition position) {
        positions.put(key(position.sku(), position.center()), position);
        return this;
    }

    @Override
    public synchronized List<StockPosition> positionsOf(Sku sku) {
        return positions.values().stream()
                .filter(p -> p.sku().equals(sku))
                .sorted(Comparator.comparing(StockPosition::center))
                .toList();
    }

    @Override
    public synchronized int shardCount(Sku sku) {
        return shards.getOrDefault(sku, 1);
    }

    /** Records the count; in memory there is one row per center, so nothing moves. */
    @Override
    public synchronized List<StockPosition> reshard(Sku sku, int count) {
        shards.put(sku, count);
        return positionsOf(sku);
    }

    @Override
    public synchronized StockPosition adjust(Sku sku, CenterId center, int delta) {
        StockPosition now =
                positions.getOrDefault(key(sku, center), new StockPosition(sku, center, 0, 0));
        long after = (long) now.available() + delta;
        if (after < 0) {
            throw new InsufficientStock(
                    List.of(new InsufficientStock.Shortfall(sku.value(), -delta, now.available())));
        }
        StockPosition next = new StockPosition(sku, center, (int) after, now.reserved());
        positions.put(key(sku, center), next);
        return next;
    }

    private static String key(Sku sku, CenterId center) {
        return sku.value() + "|" + center.value();
    }
}
