package dev.orderflow.cloud.cli.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ReserveStock's stock levels, cached for about a second per execution environment: an environment
 * reads a product's levels (Query on {@code sku = <SKU>} for the config row and the shard-0 rows,
 * BatchGetItem of the other shards' rows) at most once per second, eventually consistent (half a
 * read unit per 4 KB), as {@code DynamoStockLevels} refreshes its copies.
 */
final class StockLevelCache {

    /** Read units of an eventually consistent read of up to 4 KB. */
    private static final double EVENTUALLY_CONSISTENT = 0.5;

    private final List<Map<String, Integer>> readInSecond = new ArrayList<>();
    private final SimulatedTable inventory;
    private final int centers;

    /**
     * @param environments ReserveStock's busy execution environments
     */
    StockLevelCache(int environments, SimulatedTable inventory, int centers) {
        for (int i = 0; i < environments; i++) {
            readInSecond.add(new HashMap<>());
        }
        this.inventory = inventory;
        this.centers = centers;
    }

    int environments() {
        return readInSecond.size();
    }

    /** Environment {@code env} needs the levels of {@code sku} (with {@code shards}) now. */
    void levels(int env, String sku, int shards, int second) {
        Integer last = readInSecond.get(env).put(sku, second);
        if (last != null && last == second) {
            return;
        }
        inventory.read(sku, EVENTUALLY_CONSISTENT); // config row + one row per center, < 4 KB
        for (int shard = 1; shard < shards; shard++) {
            for (int c = 0; c < centers; c++) {
                inventory.read(sku + "#" + shard, EVENTUALLY_CONSISTENT); // BatchGetItem: per item
            }
        }
    }
}
