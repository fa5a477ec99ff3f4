package dev.orderflow.cloud.internal.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamLanesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode record(String pk, String sk, int sequence) {
        ObjectNode r = JSON.createObjectNode();
        ObjectNode d = r.putObject("dynamodb");
        ObjectNode keys = d.putObject("Keys");
        keys.putObject("pk").put("S", pk);
        keys.putObject("sk").put("S", sk);
        d.put("SequenceNumber", String.format("%021d", sequence));
        return r;
    }

    private static List<JsonNode> stream(long seed, int n) {
        Random random = new Random(seed);
        List<JsonNode> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(record("order-" + random.nextInt(12), "v" + random.nextInt(3), i));
        }
        return records;
    }

    private static String pk(JsonNode r) {
        return r.path("dynamodb").path("Keys").path("pk").path("S").asText();
    }

    private static long sequence(JsonNode r) {
        return Long.parseLong(r.path("dynamodb").path("SequenceNumber").asText());
    }

    @Test
    void split_keepsEveryPartitionKeyInOneLane_inStreamOrder_andLosesNothing() {
        for (long seed = 0; seed < 50; seed++) {
            List<JsonNode> records = stream(seed, 100);
            List<List<JsonNode>> lanes = StreamLanes.split(records, 4, "pk");

            assertThat(lanes)
                    .hasSizeLessThanOrEqualTo(4)
                    .allSatisfy(l -> assertThat(l).isNotEmpty());
            assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(records.size());
            for (List<JsonNode> lane : lanes) {
                for (int i = 1; i < lane.size(); i++) {
                    assertThat(sequence(lane.get(i))).isGreaterThan(sequence(lane.get(i - 1)));
                }
                for (List<JsonNode> other : lanes) {
                    if (other != lane) {
                        assertThat(other.stream().map(StreamLanesTest::pk))
                                .doesNotContainAnyElementsOf(
                                        lane.stream().map(StreamLanesTest::pk).toList());
                    }
                }
            }
        }
    }

    @Test
    void split_withFactorOne_isTheBatchAsItCame() {
        List<JsonNode> records = stream(7, 10);
        assertThat(StreamLanes.split(records, 1, "pk")).containsExactly(records);
    }

    @Test
    void split_usesSeveralLanes_whenKeysDiffer() {
        assertThat(StreamLanes.split(stream(3, 100), 4, "pk")).hasSizeGreaterThan(1);
    }
}
