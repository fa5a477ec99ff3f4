package dev.orderflow.cloud.internal.esm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stream mapping with {@code ParallelizationFactor} N splits a shard's records (AWS docs
 * "Polling streams", parallelization factor): records of one partition key always go to the same of
 * N lanes, in stream order, so per-key order holds while the lanes run at once.
 */
final class StreamLanes {

    private StreamLanes() {}

    /**
     * The records split into at most {@code factor} non-empty lanes, each in stream order.
     *
     * @param hashKey the table's partition key attribute (from DescribeStream's KeySchema), or null
     *     to go by the whole item key
     */
    static List<List<JsonNode>> split(List<JsonNode> records, int factor, String hashKey) {
        if (factor <= 1 || records.size() <= 1) {
            return List.of(records);
        }
        List<List<JsonNode>> lanes = new ArrayList<>();
        for (int i = 0; i < factor; i++) {
            lanes.add(new ArrayList<>());
        }
        for (JsonNode record : records) {
            JsonNode keys = record.path("dynamodb").path("Keys");
            String key = hashKey == null ? keys.toString() : keys.path(hashKey).toString();
            lanes.get(Math.floorMod(key.hashCode(), factor)).add(record);
        }
        lanes.removeIf(List::isEmpty);
        return lanes;
    }
}
