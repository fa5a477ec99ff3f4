package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items of a table or index, grouped by partition (hash) value in DynamoDB's Scan order and ordered
 * by {@link RowKey} within a partition. Not thread-safe: the engine's lock guards it.
 */
public final class ItemStore {
    private final TreeMap<PartitionKey, NavigableMap<RowKey, Map<String, AttributeValue>>>
            partitions = new TreeMap<>();
    private long count;

    public Map<String, AttributeValue> get(AttributeValue hash, RowKey row) {
        NavigableMap<RowKey, Map<String, AttributeValue>> p = partitions.get(PartitionKey.of(hash));
        return p == null ? null : p.get(row);
    }

    public Map<String, AttributeValue> put(
            AttributeValue hash, RowKey row, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> old =
                partitions
                        .computeIfAbsent(PartitionKey.of(hash), h -> new TreeMap<>())
                        .put(row, item);
        if (old == null) {
            count++;
        }
        return old;
    }

    public Map<String, AttributeValue> remove(AttributeValue hash, RowKey row) {
        PartitionKey key = PartitionKey.of(hash);
        NavigableMap<RowKey, Map<String, AttributeValue>> p = partitions.get(key);
        if (p == null) {
            return null;
        }
        Map<String, AttributeValue> old = p.remove(row);
        if (old != null) {
            count--;
            if (p.isEmpty()) {
                partitions.remove(key);
            }
        }
        return old;
    }

    public NavigableMap<RowKey, Map<String, AttributeValue>> partition(AttributeValue hash) {
        NavigableMap<RowKey, Map<String, AttributeValue>> p = partitions.get(PartitionKey.of(hash));
        return p == null ? new TreeMap<>() : p;
    }

    /** Partitions in Scan order (see {@link PartitionKey}). */
    public NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, AttributeValue>>>
            partitions() {
        return partitions;
    }

    public long count() {
        return count;
    }

    /**
     * Total item size, computed on demand (DescribeTable only; AWS itself refreshes TableSizeBytes
     * about every six hours) so that writes do not pay for it.
     */
    public long bytes() {
        long total = 0;
        for (NavigableMap<RowKey, Map<String, AttributeValue>> p : partitions.values()) {
            for (Map<String, AttributeValue> item : p.values()) {
                total += dev.orderflow.dynamodb.internal.value.ItemSize.of(item);
            }
        }
        return total;
    }

    public void clear() {
        partitions.clear();
        count = 0;
    }
}
