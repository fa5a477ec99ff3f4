package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Map;

/** An item's identity across tables: the table's name and the item's primary key. */
public record ItemId(String table, Map<String, AttributeValue> key) {

    public ItemId {
        key = Map.copyOf(key);
    }
}
