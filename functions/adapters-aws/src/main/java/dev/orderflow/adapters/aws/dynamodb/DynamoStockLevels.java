package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.inventory.StockLevel;
import dev.orderflow.domain.inventory.StockLevels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Stock levels from the inventory table, every shard of every center (see {@link InventoryRows}).
 * The recent levels of a sharded product come from a copy at most {@link #RECENT} old, kept per
 * execution environment and refreshed with eventually consistent reads: in a flash sale every order
 * would otherwise read every shard of the hot product, and each shard's partition would take the
 * whole sale's reads (see docs/capacity.md). Products that are not sharded are always read afresh
 * and consistently.
 */
public final class DynamoStockLevels implements StockLevels {

    /** How old a sharded product's levels may be when planning a reservation on them. */
    static final Duration RECENT = Duration.ofSeconds(1);

    /** Copies kept at most; an environment serving more products forgets them all and reads. */
    private static final int MAX_COPIES = 1_000;

    private final DynamoDbClient dynamo;
    private final String inventoryTable;
    private final Clock clock;
    private final Map<Sku, Copy> copies = new ConcurrentHashMap<>();

    private record Copy(List<StockLevel> levels, Instant readAt) {}

    public DynamoStockLevels(DynamoDbClient dynamo, String inventoryTable) {
        this(dynamo, inventoryTable, Clock.systemUTC());
    }

    /** With the clock that ages the copies. */
    public DynamoStockLevels(DynamoDbClient dynamo, String inventoryTable, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.inventoryTable = Objects.requireNonNull(inventoryTable, "inventoryTable");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<StockLevel> levelsOf(Set<Sku> skus) {
        List<StockLevel> levels = new ArrayList<>();
        for (Sku sku : skus) {
            levels.addAll(read(sku, true));
        }
        return levels;
    }

    @Override
    public List<StockLevel> recentLevelsOf(Set<Sku> skus) {
        Instant now = clock.instant();
        List<StockLevel> levels = new ArrayList<>();
        for (Sku sku : skus) {
            Copy copy = copies.get(sku);
            if (copy == null) {
                levels.addAll(read(sku, true)); // sharded or not: the read tells
            } else if (copy.readAt().plus(RECENT).isAfter(now)) {
                levels.addAll(copy.levels());
            } else {
                levels.addAll(read(sku, false));
            }
        }
        return levels;
    }

    /** Reads the product's levels; keeps a copy of a sharded product's for recent reads. */
    private List<StockLevel> read(Sku sku, boolean consistent) {
        Instant readAt = clock.instant();
        InventoryRows.ProductStock stock =
                InventoryRows.read(dynamo, inventoryTable, sku, consistent);
        List<StockLevel> levels = new ArrayList<>();
        stock.centers()
                .forEach(
                        (center, shards) ->
                                levels.add(
                                        new StockLevel(
                                                sku,
                                                new CenterId(center),
                                                shards.stream()
                                                        .map(InventoryRows.ShardRow::available)
                                                        .toList())));
        if (stock.span() > 1) {
            if (copies.size() >= MAX_COPIES) {
                copies.clear();
            }
            copies.put(sku, new Copy(List.copyOf(levels), readAt));
        } else {
            copies.remove(sku);
        }
        return levels;
    }
}
