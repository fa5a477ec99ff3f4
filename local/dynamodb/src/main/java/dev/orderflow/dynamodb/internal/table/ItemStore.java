package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.Items;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items of a table or index, grouped by partition (hash) value and ordered by {@link RowKey} within
 * a partition. Not thread-safe: the engine's lock guards it.
 */
public final class ItemStore {
    private final TreeMap<AttributeValue, TreeMap<RowKey, Map<String, AttributeValue>>> partitions =
            new TreeMap<>(Items::compareKeys);
    private long count;
    private long bytes;

    public Map<String, AttributeValue> get(AttributeValue hash, RowKey row) {
        TreeMap<RowKey, Map<String, AttributeValue>> p = partitions.get(hash);
        return p == null ? null : p.get(row);
    }

    public Map<String, AttributeValue> put(
            AttributeValue hash, RowKey row, Map<String, AttributeValue> item, int size) {
        Map<String, AttributeValue> old =
                partitions.computeIfAbsent(hash, h -> new TreeMap<>()).put(row, item);
        if (old == null) {
            count++;
        }
        bytes += size;
        return old;
    }

    public Map<String, AttributeValue> remove(AttributeValue hash, RowKey row) {
        TreeMap<RowKey, Map<String, AttributeValue>> p = partitions.get(hash);
        if (p == null) {
            return null;
        }
        Map<String, AttributeValue> old = p.remove(row);
        if (old != null) {
            count--;
            if (p.isEmpty()) {
                partitions.remove(hash);
            }
        }
        return old;
    }

    /** Adjusts the byte estimate after a replaced or removed item. */
    public void subtractBytes(int size) {
        bytes -= size;
    }

    public NavigableMap<RowKey, Map<String, AttributeValue>> partition(AttributeValue hash) {
        TreeMap<RowKey, Map<String, AttributeValue>> p = partitions.get(hash);
        return p == null ? new TreeMap<>() : p;
    }

    public NavigableMap<AttributeValue, TreeMap<RowKey, Map<String, AttributeValue>>> partitions() {
        return partitions;
    }

    public long count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }

    public void clear() {
        partitions.clear();
        count = 0;
        bytes = 0;
    }
}
