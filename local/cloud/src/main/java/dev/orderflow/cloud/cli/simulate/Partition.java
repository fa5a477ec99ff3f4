package dev.orderflow.cloud.cli.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One partition of a simulated table: the hash range {@code [start, end]} (positions as {@link
 * KeyHash} gives them), the data stored in it and its traffic in the current second.
 */
final class Partition {

    final long start;
    final long end;
    private final Map<String, KeyLoad> second = new HashMap<>();
    private final Map<String, Long> stored = new HashMap<>();
    private long storedBytes;
    private int secondsOverLimit;
    private double readUnits;
    private double writeUnits;
    private long readRequests;
    private long writeRequests;

    Partition(long start, long end) {
        if (Long.compare(start, end) > 0) {
            throw new IllegalArgumentException("empty hash range");
        }
        this.start = start;
        this.end = end;
    }

    void read(String key, long position, double units) {
        KeyLoad load = second.computeIfAbsent(key, k -> new KeyLoad(position));
        load.readUnits += units;
        load.readRequests++;
        readUnits += units;
        readRequests++;
    }

    void write(String key, long position, double units, long bytes) {
        KeyLoad load = second.computeIfAbsent(key, k -> new KeyLoad(position));
        load.writeUnits += units;
        load.writeRequests++;
        writeUnits += units;
        writeRequests++;
        store(key, bytes);
    }

    void store(String key, long bytes) {
        if (bytes > 0) {
            stored.merge(key, bytes, Long::sum);
            storedBytes += bytes;
        }
    }

    long storedBytes() {
        return storedBytes;
    }

    /** This second's write units as a share of the partition's write limit. */
    double writeShare(PartitionLimits limits) {
        return writeUnits / limits.writeUnits();
    }

    /** This second's read units as a share of the partition's read limit. */
    double readShare(PartitionLimits limits) {
        return readUnits / limits.readUnits();
    }

    long requests() {
        return readRequests + writeRequests;
    }

    /**
     * The requests of this second beyond the partition's limits: of the write requests, the share
     * that the units over the write limit make of all write units; the same for reads.
     */
    double throttledRequests(PartitionLimits limits) {
        return over(writeShare(limits)) * writeRequests + over(readShare(limits)) * readRequests;
    }

    private static double over(double share) {
        return share <= 1 ? 0 : 1 - 1 / share;
    }

    /**
     * Ends the second: a partition kept above {@link PartitionLimits#splitShare()} of a throughput
     * limit for {@link PartitionLimits#splitAfterSeconds()} seconds splits its range where its
     * keys' traffic is halved; one above its size limit splits where its stored bytes are halved. A
     * partition whose traffic or data is one key's cannot split: DynamoDB never splits one
     * partition key.
     *
     * @return the two partitions that replace this one, or empty when it stays
     */
    Optional<List<Partition>> endSecond(PartitionLimits limits) {
        boolean hot =
                writeShare(limits) > limits.splitShare() || readShare(limits) > limits.splitShare();
        secondsOverLimit = hot ? secondsOverLimit + 1 : 0;
        Optional<List<Partition>> split = Optional.empty();
        if (hot && secondsOverLimit >= limits.splitAfterSeconds()) {
            split = splitAt(heatSplitPoint(limits));
        }
        if (split.isEmpty() && storedBytes > limits.bytes()) {
            split = splitAt(sizeSplitPoint());
        }
        second.clear();
        readUnits = 0;
        writeUnits = 0;
        readRequests = 0;
        writeRequests = 0;
        return split;
    }

    private Optional<Long> heatSplitPoint(PartitionLimits limits) {
        List<KeyLoad> keys = new ArrayList<>(second.values());
        keys.sort(Comparator.comparingLong(k -> k.position));
        List<Double> weights = keys.stream().map(k -> k.share(limits)).toList();
        return medianPoint(keys.stream().map(k -> k.position).toList(), weights);
    }

    private Optional<Long> sizeSplitPoint() {
        List<Map.Entry<Long, Long>> keys = new ArrayList<>();
        stored.forEach((key, bytes) -> keys.add(Map.entry(KeyHash.position(key), bytes)));
        keys.sort(Map.Entry.comparingByKey());
        return medianPoint(
                keys.stream().map(Map.Entry::getKey).toList(),
                keys.stream().map(e -> (double) e.getValue()).toList());
    }

    /**
     * Where the range splits so that each side holds about half the weight: the position of the
     * first key of the right side. Empty with fewer than two keys.
     */
    private Optional<Long> medianPoint(List<Long> positions, List<Double> weights) {
        if (positions.size() < 2) {
            return Optional.empty();
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < positions.size(); i++) {
            cumulative += weights.get(i);
            last = i;
            if (cumulative >= total / 2) {
                break;
            }
        }
        // The right side starts at a key after the range's first position, so both sides are
        // ranges; keys sharing the first position (a scan's share) stay left.
        for (int i = Math.max(1, Math.min(last + 1, positions.size() - 1));
                i < positions.size();
                i++) {
            if (Long.compare(positions.get(i), start) > 0) {
                return Optional.of(positions.get(i));
            }
        }
        return Optional.empty();
    }

    private Optional<List<Partition>> splitAt(Optional<Long> point) {
        if (point.isEmpty()) {
            return Optional.empty();
        }
        long at = point.get();
        Partition left = new Partition(start, at - 1);
        Partition right = new Partition(at, end);
        stored.forEach(
                (key, bytes) -> {
                    Partition side = KeyHash.position(key) < at ? left : right;
                    side.store(key, bytes);
                });
        return Optional.of(List.of(left, right));
    }
}
