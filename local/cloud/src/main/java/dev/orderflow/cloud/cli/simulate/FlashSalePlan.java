package dev.orderflow.cloud.cli.simulate;

/**
 * A flash sale to simulate.
 *
 * @param rate orders per second
 * @param hotShare the share of orders for the one hot product
 * @param shards stock shards of the hot product (1 = today's one row per center)
 * @param seconds how long the sale lasts
 * @param products the other products of the catalog, which share the remaining orders evenly
 * @param centers fulfillment centers holding each product
 * @param customers distinct customers placing the orders
 * @param statusShards partitions keys per status of the orders' {@code byStatus} index (the code
 *     has 8: {@code OrderItem.STATUS_SHARDS})
 * @param shipAfterSeconds seconds from placing to shipping (commit of the reservation and the end
 *     of the saga); the simulated warehouse ships at once
 * @param splitAfterSeconds seconds a partition stays over its limit before it splits for heat
 * @param initialPartitions partitions of each table at the start (4: a new on-demand table serves
 *     4,000 write units per second, 1,000 per partition)
 * @param seed the random generator's seed: the same plan gives the same output
 */
public record FlashSalePlan(
        int rate,
        double hotShare,
        int shards,
        int seconds,
        int products,
        int centers,
        int customers,
        int statusShards,
        int shipAfterSeconds,
        int splitAfterSeconds,
        int initialPartitions,
        long seed) {

    public FlashSalePlan {
        positive(rate, "rate");
        positive(shards, "shards");
        positive(seconds, "seconds");
        positive(products, "products");
        positive(centers, "centers");
        positive(customers, "customers");
        positive(statusShards, "status-shards");
        positive(splitAfterSeconds, "split-after");
        positive(initialPartitions, "initial-partitions");
        if (hotShare < 0 || hotShare > 1) {
            throw new IllegalArgumentException("--hot-share must be between 0 and 1");
        }
        if (shipAfterSeconds < 0) {
            throw new IllegalArgumentException("--ship-after must not be negative");
        }
    }

    /** 10,000 orders/s, 95% for one product with 16 shards, for 60 s; the stack's other values. */
    public static FlashSalePlan defaults() {
        return new FlashSalePlan(10_000, 0.95, 16, 60, 1_000, 4, 1_000_000, 8, 1, 5, 4, 18L);
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
    }
}
