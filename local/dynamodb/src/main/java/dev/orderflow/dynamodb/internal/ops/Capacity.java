package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.Map;

/**
 * ConsumedCapacity as AWS computes it: one write unit per started KB of the larger of the item
 * before and after the write, one read unit per started 4 KB (half for eventually consistent
 * reads), doubled inside transactions.
 */
final class Capacity {
    private Capacity() {}

    static double writeUnits(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /**
     * Write units of replacing {@code old} (null if none) by {@code written} (null for a delete):
     * DynamoDB charges the larger of the item's size before and after the write.
     */
    static double writeUnits(Map<String, AttributeValue> old, Map<String, AttributeValue> written) {
        return writeUnits(Math.max(sizeOf(old), sizeOf(written)));
    }

    private static int sizeOf(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSize.of(item);
    }

    static double readUnits(int bytes, boolean consistent) {
        double units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    /** Adds a read's ConsumedCapacity to the response when the request asked for it. */
    static void addRead(
            ObjectNode response,
            String mode,
            String table,
            java.util.function.DoubleSupplier units) {
        if (mode == null || mode.equals("NONE")) {
            return; // sizing the item costs time; only do it when asked
        }
        response.set("ConsumedCapacity", node(mode, table, units.getAsDouble(), false));
    }

    /** Adds a single-item write's ConsumedCapacity (table and indexes) when asked for. */
    static void addWrite(
            ObjectNode response,
            String mode,
            String table,
            java.util.function.Supplier<WriteCapacity> units) {
        if (mode == null || mode.equals("NONE")) {
            return;
        }
        response.set("ConsumedCapacity", units.get().node(mode, table));
    }

    /**
     * A read served by an index: with INDEXES, DynamoDB charges the index read to the index and
     * shows the table with what was fetched from it (zero unless an LSI fetched attributes it does
     * not project).
     */
    static void addIndexRead(
            ObjectNode response,
            String mode,
            String table,
            IndexDefinition index,
            double indexUnits,
            double tableUnits) {
        if (mode == null || mode.equals("NONE")) {
            return;
        }
        ObjectNode c = node(mode, table, indexUnits + tableUnits, false);
        if (mode.equals("INDEXES")) {
            c.putObject("Table").put("CapacityUnits", tableUnits);
            c.putObject(index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes")
                    .putObject(index.name())
                    .put("CapacityUnits", indexUnits);
        }
        response.set("ConsumedCapacity", c);
    }

    static ObjectNode node(String mode, String table, double units, boolean write) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("TableName", table);
        c.put("CapacityUnits", units);
        c.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", units);
        if (mode.equals("INDEXES")) {
            c.putObject("Table").put("CapacityUnits", units);
        }
        return c;
    }
}
