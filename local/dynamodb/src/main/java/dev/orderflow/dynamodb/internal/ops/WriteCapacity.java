package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The write units one item write consumes: the table's (the larger of the item before and after)
 * plus each secondary index's, as the Developer Guide's "Provisioned throughput considerations" for
 * GSIs and LSIs count them: an index entry that appears or disappears is one write of its size, an
 * entry whose index key changes is two (delete the old, put the new), an entry whose projected
 * attributes change is one, and an item in the index neither before nor after costs nothing.
 *
 * @param table the table's units
 * @param indexes each index written, by name, with its units
 */
record WriteCapacity(double table, Map<IndexDefinition, Double> indexes) {

    static WriteCapacity of(
            TableDefinition def,
            Map<String, AttributeValue> old,
            Map<String, AttributeValue> written) {
        Map<IndexDefinition, Double> indexes = new LinkedHashMap<>();
        for (IndexDefinition i : def.indexes()) {
            double units = indexUnits(i, def, old, written);
            if (units > 0) {
                indexes.put(i, units);
            }
        }
        return new WriteCapacity(Capacity.writeUnits(old, written), indexes);
    }

    private static double indexUnits(
            IndexDefinition i,
            TableDefinition def,
            Map<String, AttributeValue> old,
            Map<String, AttributeValue> written) {
        Map<String, AttributeValue> before = old == null ? null : i.project(old, def.key());
        Map<String, AttributeValue> after = written == null ? null : i.project(written, def.key());
        if (before == null && after == null) {
            return 0;
        }
        if (before == null || after == null) {
            return units(before == null ? after : before);
        }
        if (!i.key().keyOf(before).equals(i.key().keyOf(after))) {
            return units(before) + units(after);
        }
        return Objects.equals(before, after) ? 0 : units(after);
    }

    private static double units(Map<String, AttributeValue> entry) {
        return Math.max(1, (ItemSize.of(entry) + 1023) / 1024);
    }

    /** Every unit, table and indexes, times {@code factor} (2 inside a transaction). */
    double total(double factor) {
        double sum = table;
        for (double u : indexes.values()) {
            sum += u;
        }
        return sum * factor;
    }

    /** ConsumedCapacity for {@code mode} TOTAL or INDEXES. */
    ObjectNode node(String mode, String tableName) {
        ObjectNode c = Capacity.node(mode, tableName, total(1), true);
        if (mode.equals("INDEXES")) {
            c.putObject("Table").put("CapacityUnits", table);
            indexes.forEach(
                    (i, u) -> {
                        String group =
                                i.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
                        ObjectNode byName =
                                c.has(group) ? (ObjectNode) c.get(group) : c.putObject(group);
                        byName.putObject(i.name()).put("CapacityUnits", u);
                    });
        }
        return c;
    }
}
