package dev.orderflow.cloud.cli.simulate;

/**
 * One table's traffic over the whole sale.
 *
 * @param last the last second, after the splits the sale caused
 * @param peakWriteShare the busiest partition's write share in any second
 * @param peakReadShare the busiest partition's read share in any second
 * @param writeUnits all write units of the sale
 * @param readUnits all read units of the sale
 * @param requests all requests of the sale
 * @param throttled the requests beyond a partition's limits
 */
public record TableStats(
        TableSecond last,
        double peakWriteShare,
        double peakReadShare,
        double writeUnits,
        double readUnits,
        long requests,
        double throttled) {

    static TableStats first(TableSecond s) {
        return new TableStats(
                s,
                s.hottestWriteShare(),
                s.hottestReadShare(),
                s.writeUnits(),
                s.readUnits(),
                s.requests(),
                s.throttled());
    }

    TableStats plus(TableSecond s) {
        return new TableStats(
                s,
                Math.max(peakWriteShare, s.hottestWriteShare()),
                Math.max(peakReadShare, s.hottestReadShare()),
                writeUnits + s.writeUnits(),
                readUnits + s.readUnits(),
                requests + s.requests(),
                throttled + s.throttled());
    }
}
