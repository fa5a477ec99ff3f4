package dev.orderflow.dynamodb.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ConsumedCapacity of a batch: one entry per table, its statements' units added up. */
final class BatchCapacity {
    private final Map<String, CapacitySum> byTable = new LinkedHashMap<>();

    void add(JsonNode capacity) {
        if (capacity != null && capacity.isObject()) {
            byTable.computeIfAbsent(capacity.path("TableName").asText(), t -> new CapacitySum())
                    .add(capacity);
        }
    }

    void addTo(ObjectNode response) {
        if (byTable.isEmpty()) {
            return;
        }
        var list = response.putArray("ConsumedCapacity");
        for (CapacitySum sum : byTable.values()) {
            ObjectNode holder = list.objectNode();
            sum.addTo(holder);
            list.add(holder.get("ConsumedCapacity"));
        }
    }
}
