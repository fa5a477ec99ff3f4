package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ConsumedCapacity of a statement that ran as several reads: their units added up. */
final class CapacitySum {
    private ObjectNode total;

    void add(JsonNode capacity) {
        if (capacity == null || !capacity.isObject()) {
            return;
        }
        if (total == null) {
            total = ((ObjectNode) capacity).deepCopy();
            return;
        }
        add(total, capacity, "CapacityUnits");
        add(total, capacity, "ReadCapacityUnits");
        JsonNode table = capacity.get("Table");
        if (table != null && total.get("Table") instanceof ObjectNode t) {
            add(t, table, "CapacityUnits");
            add(t, table, "ReadCapacityUnits");
        }
    }

    private static void add(ObjectNode to, JsonNode from, String field) {
        if (to.has(field) && from.has(field)) {
            to.put(field, to.get(field).asDouble() + from.get(field).asDouble());
        }
    }

    void addTo(ObjectNode response) {
        if (total != null) {
            response.set("ConsumedCapacity", total);
        }
    }
}
