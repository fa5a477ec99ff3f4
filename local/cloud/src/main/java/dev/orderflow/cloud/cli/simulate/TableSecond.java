package dev.orderflow.cloud.cli.simulate;

/**
 * One table's (or index's) traffic in one second, as its partitions saw it before they split.
 *
 * @param table the table's name
 * @param partitions how many partitions served the second
 * @param hottestWriteShare the busiest partition's write units over its write limit (1 = 100%)
 * @param hottestReadShare the busiest partition's read units over its read limit
 * @param writeUnits all write units of the second
 * @param readUnits all read units of the second
 * @param requests every read and write request of the second
 * @param throttled the requests beyond the partitions' limits
 */
public record TableSecond(
        String table,
        int partitions,
        double hottestWriteShare,
        double hottestReadShare,
        double writeUnits,
        double readUnits,
        long requests,
        double throttled) {}
