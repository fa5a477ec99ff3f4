package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.CompactItem;
import java.util.List;
import java.util.Map;

/** A GSI or LSI: its key, projection and (for GSIs) provisioned throughput. */
public record IndexDefinition(
        String name,
        KeySchema key,
        String projectionType,
        List<String> nonKeyAttributes,
        boolean global,
        long readCapacity,
        long writeCapacity) {

    public IndexDefinition {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** The part of a table item this index stores, or null if the item lacks an index key. */
    public Map<String, AttributeValue> project(
            Map<String, AttributeValue> item, KeySchema tableKey) {
        if (!item.containsKey(key.hash()) || (key.hasRange() && !item.containsKey(key.range()))) {
            return null;
        }
        if (projectionType.equals("ALL")) {
            return item;
        }
        CompactItem.Builder out = new CompactItem.Builder(4);
        item.forEach(
                (n, v) -> {
                    if (tableKey.isKey(n)
                            || key.isKey(n)
                            || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(n))) {
                        out.put(n, v);
                    }
                });
        return out.build();
    }
}
