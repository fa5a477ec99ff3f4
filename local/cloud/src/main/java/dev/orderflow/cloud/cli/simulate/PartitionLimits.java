package dev.orderflow.cloud.cli.simulate;

/**
 * What one partition serves before DynamoDB throttles it or splits it.
 *
 * @param writeUnits write units per second (DynamoDB: 1,000)
 * @param readUnits read units per second (DynamoDB: 3,000)
 * @param bytes stored bytes before a size split (DynamoDB: 10 GB)
 * @param splitShare the share of a throughput limit above which a partition splits for heat
 * @param splitAfterSeconds consecutive seconds above {@code splitShare} before it splits (DynamoDB
 *     does not publish this delay; it is an assumption of the simulation)
 */
public record PartitionLimits(
        double writeUnits, double readUnits, long bytes, double splitShare, int splitAfterSeconds) {

    /**
     * DynamoDB's per-partition limits (docs/capacity.md, "Partitions"). An on-demand table serves
     * up to twice its previous peak at once, so its partitions are taken to split at half their
     * limit.
     */
    public static PartitionLimits dynamoDb(int splitAfterSeconds) {
        return new PartitionLimits(1_000, 3_000, 10L * 1024 * 1024 * 1024, 0.5, splitAfterSeconds);
    }

    public PartitionLimits {
        if (writeUnits <= 0
                || readUnits <= 0
                || bytes <= 0
                || splitShare <= 0
                || splitAfterSeconds < 1) {
            throw new IllegalArgumentException("partition limits must be positive");
        }
    }
}
