package dev.orderflow.dynamodb.internal.replication;

import dev.orderflow.dynamodb.internal.table.ItemId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One replica's last-writer-wins versions: the version of the last write it applied to each item of
 * its global tables, deletes included (tombstones). Tombstones are forgotten after {@link
 * #TOMBSTONE_RETENTION}: a write delayed longer than that could bring a deleted item back.
 */
final class ItemVersions {
    /** Our choice (AWS does not publish how long it keeps its tombstones). */
    static final Duration TOMBSTONE_RETENTION = Duration.ofHours(24);

    private static final int PRUNE_EVERY = 4096;

    private final Map<ItemId, Version> versions = new HashMap<>();
    private int sincePrune;

    /**
     * Stamps a local write committed at {@code now}: later than the clock's now and than the
     * version it overwrites, so a write always wins over what it replaced, even under clock skew.
     */
    synchronized Version stampLocal(ItemId id, Instant now, String region, boolean deleted) {
        Version current = versions.getOrDefault(id, Version.NONE);
        long stamp =
                Math.max(nanos(now), current.stamp() == Long.MIN_VALUE ? 0 : current.stamp() + 1);
        Version v = new Version(stamp, region, deleted);
        remember(id, v);
        return v;
    }

    /** Records a replicated write's version if it is newer than this replica's; says whether. */
    synchronized boolean acceptReplicated(ItemId id, Version incoming) {
        if (!incoming.newerThan(versions.getOrDefault(id, Version.NONE))) {
            return false;
        }
        remember(id, incoming);
        return true;
    }

    private void remember(ItemId id, Version v) {
        versions.put(id, v);
        if (++sincePrune >= PRUNE_EVERY) {
            sincePrune = 0;
            long cutoff = v.stamp() - TOMBSTONE_RETENTION.toNanos();
            versions.values().removeIf(old -> old.deleted() && old.stamp() < cutoff);
        }
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
