package dev.orderflow.cloud.cli.simulate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A DynamoDB table (or global secondary index) as partitions: each owns a range of the hash space,
 * a key lands on the partition whose range holds {@link KeyHash#position(String)}, and partitions
 * split for heat and for size at the end of each second ({@link Partition}).
 */
public final class SimulatedTable {

    private static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(64);
    private static final int BYTES_PER_READ_UNIT = 4096;

    private final String name;
    private final PartitionLimits limits;
    private final TreeMap<Long, Partition> partitions = new TreeMap<>();

    /** A table whose hash space is cut into {@code initialPartitions} equal ranges. */
    public SimulatedTable(String name, int initialPartitions, PartitionLimits limits) {
        if (initialPartitions < 1) {
            throw new IllegalArgumentException("a table has at least one partition");
        }
        this.name = name;
        this.limits = limits;
        for (int i = 0; i < initialPartitions; i++) {
            long start = boundary(i, initialPartitions);
            long end =
                    i == initialPartitions - 1
                            ? Long.MAX_VALUE
                            : boundary(i + 1, initialPartitions) - 1;
            add(new Partition(start, end));
        }
    }

    /** The signed position where range {@code i} of {@code count} equal ranges starts. */
    private static long boundary(int i, int count) {
        BigInteger unsigned =
                HASH_SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count));
        return unsigned.longValue() ^ Long.MIN_VALUE;
    }

    public String name() {
        return name;
    }

    public int partitionCount() {
        return partitions.size();
    }

    /** The index, in hash order, of the partition that holds {@code key}. */
    public int partitionOf(String key) {
        return partitions.headMap(KeyHash.position(key), true).size() - 1;
    }

    /** A read of {@code units} read units on the item(s) under {@code key}. */
    public void read(String key, double units) {
        long position = KeyHash.position(key);
        owner(position).read(key, position, units);
    }

    /** A write of {@code units} write units that stores {@code bytes} more under {@code key}. */
    public void write(String key, double units, long bytes) {
        long position = KeyHash.position(key);
        owner(position).write(key, position, units, bytes);
    }

    /** Data that was there before the simulation started: stored, no traffic. */
    public void store(String key, long bytes) {
        owner(KeyHash.position(key)).store(key, bytes);
    }

    /**
     * A consistent Scan of the whole table: every partition holding data serves one read of its
     * data, rounded up to 4 KB. (DynamoDB meters a Scan on the data it reads; how one Scan call
     * walks the partitions is not published, so each partition's share is modelled as one read.)
     */
    public void scan() {
        for (Partition p : partitions.values()) {
            if (p.storedBytes() > 0) {
                double units = Math.ceil((double) p.storedBytes() / BYTES_PER_READ_UNIT);
                p.read("#scan@" + p.start, p.start, units);
            }
        }
    }

    /** Closes the second: its load as the partitions saw it, then splits. */
    public TableSecond endSecond() {
        double hottestWrite = 0;
        double hottestRead = 0;
        double writeUnits = 0;
        double readUnits = 0;
        long requests = 0;
        double throttled = 0;
        int count = partitions.size();
        List<Partition> current = new ArrayList<>(partitions.values());
        for (Partition p : current) {
            hottestWrite = Math.max(hottestWrite, p.writeShare(limits));
            hottestRead = Math.max(hottestRead, p.readShare(limits));
            writeUnits += p.writeShare(limits) * limits.writeUnits();
            readUnits += p.readShare(limits) * limits.readUnits();
            requests += p.requests();
            throttled += p.throttledRequests(limits);
            Optional<List<Partition>> split = p.endSecond(limits);
            if (split.isPresent()) {
                partitions.remove(p.start);
                split.get().forEach(this::add);
            }
        }
        return new TableSecond(
                name, count, hottestWrite, hottestRead, writeUnits, readUnits, requests, throttled);
    }

    private void add(Partition p) {
        partitions.put(p.start, p);
    }

    private Partition owner(long position) {
        Map.Entry<Long, Partition> entry = partitions.floorEntry(position);
        return entry.getValue();
    }
}
