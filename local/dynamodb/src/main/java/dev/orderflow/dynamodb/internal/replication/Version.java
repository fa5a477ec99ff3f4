package dev.orderflow.dynamodb.internal.replication;

/**
 * The last-writer-wins timestamp of one write to an item of a global table: the nanoseconds of the
 * writing region's clock when it committed, ties broken by the region's name (AWS documents no
 * tie-break; any fixed total order makes the replicas converge). A delete keeps its version as a
 * tombstone, so that an older put arriving later cannot bring the item back.
 */
record Version(long stamp, String region, boolean deleted) implements Comparable<Version> {

    /** The version of an item written before its table became global: older than any write. */
    static final Version NONE = new Version(Long.MIN_VALUE, "", false);

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(stamp, o.stamp);
        return c != 0 ? c : region.compareTo(o.region);
    }

    boolean newerThan(Version o) {
        return compareTo(o) > 0;
    }
}
