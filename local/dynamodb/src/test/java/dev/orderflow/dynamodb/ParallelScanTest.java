package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Parallel scan ("Parallel scan", Developer Guide:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan):
 * the segments are disjoint and together cover the table, also when paged.
 */
class ParallelScanTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void segments_partitionTheTable_whenEachIsPagedWithLimit() throws IOException {
        DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC());
        call(
                engine,
                "CreateTable",
                "{\"TableName\":\"scan\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
        for (int i = 0; i < 200; i++) {
            call(
                    engine,
                    "PutItem",
                    "{\"TableName\":\"scan\",\"Item\":{\"pk\":{\"S\":\"k" + i + "\"}}}");
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        List<Integer> perSegment = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            String start = null;
            int count = 0;
            do {
                String body =
                        "{\"TableName\":\"scan\",\"Segment\":"
                                + segment
                                + ",\"TotalSegments\":4,\"Limit\":7"
                                + (start == null ? "" : ",\"ExclusiveStartKey\":" + start)
                                + "}";
                JsonNode page = call(engine, "Scan", body);
                for (JsonNode item : page.path("Items")) {
                    assertThat(seen.add(item.path("pk").path("S").asText())).isTrue();
                    count++;
                }
                start =
                        page.has("LastEvaluatedKey")
                                ? page.get("LastEvaluatedKey").toString()
                                : null;
            } while (start != null);
            perSegment.add(count);
            total += count;
        }
        assertThat(total).isEqualTo(200);
        assertThat(perSegment).allSatisfy(c -> assertThat(c).isPositive());
    }

    @Test
    void scan_returnsPartitionsInHashOrder_andEachSegmentIsAContiguousRunOfIt() throws IOException {
        DynamoDbEngine engine = DynamoDbEngine.inMemory(Clock.systemUTC());
        call(
                engine,
                "CreateTable",
                "{\"TableName\":\"order\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");
        for (int i = 0; i < 100; i++) {
            call(
                    engine,
                    "PutItem",
                    "{\"TableName\":\"order\",\"Item\":{\"pk\":{\"S\":\"k" + i + "\"}}}");
        }
        List<String> order = keys(call(engine, "Scan", "{\"TableName\":\"order\"}"));
        assertThat(order).hasSize(100);
        List<String> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertThat(order).as("DynamoDB does not scan in key order").isNotEqualTo(sorted);

        // Paging does not change the order.
        List<String> paged = new ArrayList<>();
        String start = null;
        do {
            JsonNode page =
                    call(
                            engine,
                            "Scan",
                            "{\"TableName\":\"order\",\"Limit\":9"
                                    + (start == null ? "" : ",\"ExclusiveStartKey\":" + start)
                                    + "}");
            paged.addAll(keys(page));
            start = page.has("LastEvaluatedKey") ? page.get("LastEvaluatedKey").toString() : null;
        } while (start != null);
        assertThat(paged).isEqualTo(order);

        // Segments split the hash space into consecutive shares: concatenated, they are the scan.
        List<String> bySegment = new ArrayList<>();
        for (int segment = 0; segment < 3; segment++) {
            bySegment.addAll(
                    keys(
                            call(
                                    engine,
                                    "Scan",
                                    "{\"TableName\":\"order\",\"Segment\":"
                                            + segment
                                            + ",\"TotalSegments\":3}")));
        }
        assertThat(bySegment).isEqualTo(order);
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("Items").forEach(item -> keys.add(item.path("pk").path("S").asText()));
        return keys;
    }

    private static JsonNode call(DynamoDbEngine engine, String op, String body) throws IOException {
        DynamoDbEngine.Response r =
                engine.invoke("DynamoDB_20120810." + op, body.getBytes(StandardCharsets.UTF_8));
        JsonNode json = MAPPER.readTree(r.body());
        assertThat(r.status()).as(json.toString()).isEqualTo(200);
        return json;
    }
}
