package dev.orderflow.states.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.paths.JsonPath;
import dev.orderflow.states.internal.paths.PathRoots;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of JSONPath reading and writing over seeded random documents. */
class PathPropertiesTest {
    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** A random walk from the root: returns dot path, bracket path and the node reached. */
    private record Walk(String dotted, String bracketed, JsonNode target) {}

    private static Walk walk(JsonNode root, Random r) {
        StringBuilder dotted = new StringBuilder("$");
        StringBuilder bracketed = new StringBuilder("$");
        JsonNode node = root;
        while (node.isContainerNode() && node.size() > 0 && r.nextInt(4) != 0) {
            if (node.isObject()) {
                List<String> keys = new ArrayList<>();
                node.fieldNames().forEachRemaining(keys::add);
                String k = keys.get(r.nextInt(keys.size()));
                dotted.append('.').append(k);
                bracketed.append("['").append(k).append("']");
                node = node.get(k);
            } else {
                int i = r.nextInt(node.size());
                dotted.append('[').append(i).append(']');
                bracketed.append('[').append(i).append(']');
                node = node.get(i);
            }
        }
        return new Walk(dotted.toString(), bracketed.toString(), node);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void read_findsTheNodeReachedByWalking_inBothNotations(long seed) {
        Random r = new Random(seed);
        JsonNode root = RandomJson.object(r, 4);
        Walk w = walk(root, r);
        assertThat(JsonPath.parse(w.dotted()).read(PathRoots.of(root))).isSameAs(w.target());
        assertThat(JsonPath.parse(w.bracketed()).read(PathRoots.of(root))).isSameAs(w.target());
        assertThat(JsonPath.parse(w.dotted()).bracketed()).isEqualTo(w.bracketed());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void write_thenRead_returnsTheValue_andLeavesTheOriginalUntouched(long seed) {
        Random r = new Random(seed);
        JsonNode root = RandomJson.object(r, 3);
        JsonNode before = root.deepCopy();
        String key = "$." + RandomJson.key(r) + "." + RandomJson.key(r);
        JsonPath path = JsonPath.parse(key);
        JsonNode value = RandomJson.value(r, 2);
        JsonNode parent =
                JsonPath.parse(key.substring(0, key.lastIndexOf('.'))).read(PathRoots.of(root));
        if (parent != null && !parent.isObject() && !parent.isNull()) {
            return; // would be States.ResultPathMatchFailure, covered by conformance cases
        }
        JsonNode written = path.write(root, value);
        assertThat(path.read(PathRoots.of(written))).isEqualTo(value);
        assertThat(root).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wildcard_overAnObject_returnsItsValuesInOrder(long seed) {
        Random r = new Random(seed);
        JsonNode root = RandomJson.object(r, 2);
        JsonNode all = JsonPath.parse("$.*").read(PathRoots.of(root));
        List<JsonNode> expected = new ArrayList<>();
        for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
            expected.add(it.next());
        }
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(JsonPath.parse("$.*").isDefinite()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void filter_selectsExactlyTheMatchingElements(long seed) {
        Random r = new Random(seed);
        var items = Json.NODES.arrayNode();
        int expected = 0;
        for (int i = r.nextInt(8); i > 0; i--) {
            int price = r.nextInt(20);
            expected += price > 9 ? 1 : 0;
            items.addObject().put("price", price);
        }
        var root = Json.object();
        root.set("items", items);
        JsonNode found = JsonPath.parse("$.items[?(@.price > 9)]").read(PathRoots.of(root));
        assertThat(found.size()).isEqualTo(expected);
        found.forEach(n -> assertThat(n.get("price").asInt()).isGreaterThan(9));
    }
}
