package dev.orderflow.dynamodb.internal.replication;

import dev.orderflow.dynamodb.internal.table.ItemId;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.Map;

/**
 * One committed write on its way from the replica that made it to another: the item's key, its new
 * image (null: deleted) and the write's version.
 */
record Delivery(
        String table,
        Map<String, AttributeValue> key,
        Map<String, AttributeValue> newItem,
        Version version) {

    String origin() {
        return version.region();
    }

    ItemId id() {
        return new ItemId(table, key);
    }
}
