package dev.orderflow.states.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orderflow.states.internal.intrinsics.IntrinsicFunctions;
import dev.orderflow.states.internal.intrinsics.IntrinsicParser;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.paths.PathRoots;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Algebraic properties of the intrinsic functions over seeded random inputs. */
class IntrinsicPropertiesTest {
    private final IntrinsicFunctions fns = new IntrinsicFunctions(new Random(1));

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    private JsonNode call(String expression, JsonNode input) {
        return fns.evaluate(IntrinsicParser.parse(expression), PathRoots.of(input));
    }

    private static JsonNode in(String field, JsonNode value) {
        var o = Json.object();
        o.set(field, value);
        return o;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void base64_roundTrips(long seed) {
        String s = RandomJson.string(new Random(seed));
        JsonNode encoded = call("States.Base64Encode($.s)", in("s", Json.NODES.textNode(s)));
        assertThat(call("States.Base64Decode($.e)", in("e", encoded)).asText()).isEqualTo(s);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void jsonToString_andBack_isIdentity(long seed) {
        JsonNode v = RandomJson.value(new Random(seed), 3);
        JsonNode text = call("States.JsonToString($.v)", in("v", v));
        assertThat(call("States.StringToJson($.t)", in("t", text))).isEqualTo(v);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void arrayPartition_flattensBackToTheArray(long seed) {
        Random r = new Random(seed);
        ArrayNode a = RandomJson.array(r, 1);
        for (int i = r.nextInt(10); i > 0; i--) {
            a.add(r.nextInt(5));
        }
        int size = 1 + r.nextInt(4);
        JsonNode parts =
                fns.evaluateValues(
                        "States.ArrayPartition", List.of(a, Json.NODES.numberNode(size)));
        ArrayNode flat = Json.NODES.arrayNode();
        parts.forEach(
                p -> {
                    assertThat(p.size()).isBetween(1, size);
                    p.forEach(flat::add);
                });
        assertThat(flat).isEqualTo(a);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void arrayRange_hasTheArithmeticLength(long seed) {
        Random r = new Random(seed);
        int start = r.nextInt(200) - 100;
        int step = (r.nextInt(9) + 1) * (r.nextBoolean() ? 1 : -1);
        int end = start + step * r.nextInt(50) + (step > 0 ? r.nextInt(step) : -r.nextInt(-step));
        JsonNode range =
                fns.evaluateValues(
                        "States.ArrayRange",
                        List.of(
                                Json.NODES.numberNode(start),
                                Json.NODES.numberNode(end),
                                Json.NODES.numberNode(step)));
        assertThat(range.size()).isEqualTo((end - start) / step + 1);
        assertThat(range.get(0).asInt()).isEqualTo(start);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void arrayUnique_isIdempotent_andKeepsEveryValue(long seed) {
        Random r = new Random(seed);
        ArrayNode a = Json.NODES.arrayNode();
        for (int i = r.nextInt(12); i > 0; i--) {
            a.add(RandomJson.value(r, 0));
        }
        JsonNode once = fns.evaluateValues("States.ArrayUnique", List.of(a));
        assertThat(fns.evaluateValues("States.ArrayUnique", List.of(once))).isEqualTo(once);
        a.forEach(v -> assertThat(once).contains(v));
        assertThat(fns.evaluateValues("States.ArrayLength", List.of(once)).asInt())
                .isLessThanOrEqualTo(a.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mathAdd_andHash_agreeWithJava(long seed) throws Exception {
        Random r = new Random(seed);
        int a = r.nextInt(), b = r.nextInt();
        assertThat(
                        fns.evaluateValues(
                                        "States.MathAdd",
                                        List.of(Json.NODES.numberNode(a), Json.NODES.numberNode(b)))
                                .asLong())
                .isEqualTo((long) a + b);
        String s = RandomJson.string(r);
        String hex =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(s.getBytes(StandardCharsets.UTF_8)));
        assertThat(
                        fns.evaluateValues(
                                        "States.Hash",
                                        List.of(
                                                Json.NODES.textNode(s),
                                                Json.NODES.textNode("SHA-256")))
                                .asText())
                .isEqualTo(hex);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void format_rendersArgumentsInOrder(long seed) {
        Random r = new Random(seed);
        int x = r.nextInt(1000);
        String word = RandomJson.key(r);
        var input = Json.object().put("x", x).put("w", word);
        assertThat(call("States.Format('{}-{}', $.x, $.w)", input).asText())
                .isEqualTo(x + "-" + word);
    }
}
