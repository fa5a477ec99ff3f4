package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.LinkedHashMap;
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
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String n = e.getKey();
            if (tableKey.isKey(n)
                    || key.isKey(n)
                    || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(n))) {
                out.put(n, e.getValue());
            }
        }
        return out;
    }
}
