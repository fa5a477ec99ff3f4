package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.CompactItem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table's data: the primary store and one store per index, kept in step on every write (indexes
 * here are strongly consistent, unlike AWS's eventually consistent GSIs).
 */
public final class Table {
    private volatile TableDefinition definition;
    private final ItemStore primary = new ItemStore();
    private final Map<String, ItemStore> indexStores = new HashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private StreamLog stream;
    private String ttlAttribute;
    private boolean pointInTimeRecovery;
    private final TableLifecycle lifecycle = new TableLifecycle();
    private final ThroughputChanges throughputChanges = new ThroughputChanges();

    public Table(TableDefinition definition, StreamLog stream) {
        this.definition = definition;
        this.stream = stream;
        for (IndexDefinition i : definition.indexes()) {
            indexStores.put(i.name(), new ItemStore());
        }
    }

    public TableDefinition definition() {
        return definition;
    }

    public void definition(TableDefinition d) {
        this.definition = d;
    }

    /** When the table's CREATING or UPDATING state ends (guarded by the engine's lock). */
    public TableLifecycle lifecycle() {
        return lifecycle;
    }

    /** When the table's provisioned throughput went up and down (guarded by the engine's lock). */
    public ThroughputChanges throughputChanges() {
        return throughputChanges;
    }

    public ItemStore primary() {
        return primary;
    }

    public ItemStore index(String name) {
        return indexStores.get(name);
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The current stream, or null when streams are disabled. */
    public StreamLog stream() {
        return stream;
    }

    public void stream(StreamLog log) {
        this.stream = log;
    }

    public String ttlAttribute() {
        return ttlAttribute;
    }

    public void ttlAttribute(String name) {
        this.ttlAttribute = name;
    }

    public boolean pointInTimeRecovery() {
        return pointInTimeRecovery;
    }

    public void pointInTimeRecovery(boolean enabled) {
        this.pointInTimeRecovery = enabled;
    }

    /** Row position of an item (or key) in the primary store. */
    public RowKey rowOf(Map<String, AttributeValue> keyOrItem) {
        KeySchema k = definition.key();
        // Hash-only tables: every item shares one row key object (32 bytes less per item).
        return k.hasRange() ? new RowKey(keyOrItem.get(k.range()), null, null) : RowKey.NO_RANGE;
    }

    public Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return primary.get(key.get(definition.key().hash()), rowOf(key));
    }

    /** Stores the item, replacing any with the same key; returns the old item or null. */
    public Map<String, AttributeValue> put(Map<String, AttributeValue> given) {
        Map<String, AttributeValue> item = CompactItem.copyOf(given);
        KeySchema k = definition.key();
        Map<String, AttributeValue> old = primary.put(item.get(k.hash()), rowOf(item), item);
        if (old != null) {
            unindex(old);
        }
        index(item);
        return old;
    }

    /** Removes the item with this key; returns it or null. */
    public Map<String, AttributeValue> delete(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> old =
                primary.remove(key.get(definition.key().hash()), rowOf(key));
        if (old != null) {
            unindex(old);
        }
        return old;
    }

    private void index(Map<String, AttributeValue> item) {
        for (IndexDefinition i : definition.indexes()) {
            Map<String, AttributeValue> projected = i.project(item, definition.key());
            if (projected != null) {
                indexStores
                        .get(i.name())
                        .put(item.get(i.key().hash()), indexRow(i, item), projected);
            }
        }
    }

    private void unindex(Map<String, AttributeValue> item) {
        for (IndexDefinition i : definition.indexes()) {
            if (item.containsKey(i.key().hash())
                    && (!i.key().hasRange() || item.containsKey(i.key().range()))) {
                indexStores.get(i.name()).remove(item.get(i.key().hash()), indexRow(i, item));
            }
        }
    }

    /** Row position of an item in an index. */
    public RowKey indexRow(IndexDefinition i, Map<String, AttributeValue> item) {
        KeySchema t = definition.key();
        return new RowKey(
                i.key().hasRange() ? item.get(i.key().range()) : null,
                item.get(t.hash()),
                t.hasRange() ? item.get(t.range()) : null);
    }

    /** Adds a store for a new index and fills it from the table (UpdateTable backfill). */
    public void addIndex(IndexDefinition i, TableDefinition newDefinition) {
        ItemStore store = new ItemStore();
        indexStores.put(i.name(), store);
        this.definition = newDefinition;
        for (var partition : primary.partitions().values()) {
            for (Map<String, AttributeValue> item : partition.values()) {
                Map<String, AttributeValue> projected = i.project(item, newDefinition.key());
                if (projected != null) {
                    store.put(item.get(i.key().hash()), indexRow(i, item), projected);
                }
            }
        }
    }

    public void removeIndex(String name, TableDefinition newDefinition) {
        indexStores.remove(name);
        this.definition = newDefinition;
    }
}
