package dev.orderflow.cloud.internal.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lambda event filtering patterns (AWS docs "Control which events Lambda sends to your function").
 */
class EventFilterTest {

    private static boolean matches(String pattern, String record) {
        return new EventFilter(List.of(Json.parse(pattern))).matches(Json.parse(record));
    }

    @Test
    void noPattern_matchesEverything() {
        assertThat(new EventFilter(List.of()).matches(Json.parse("{\"a\":1}"))).isTrue();
    }

    @Test
    void exactValues_matchOneOfTheListedAlternatives() {
        assertThat(matches("{\"a\":[\"x\",\"y\"]}", "{\"a\":\"y\"}")).isTrue();
        assertThat(matches("{\"a\":[\"x\"]}", "{\"a\":\"z\"}")).isFalse();
        assertThat(matches("{\"n\":[5]}", "{\"n\":5.0}")).isTrue();
        assertThat(matches("{\"b\":[true]}", "{\"b\":true}")).isTrue();
        assertThat(matches("{\"v\":[null]}", "{\"v\":null}")).isTrue();
    }

    @Test
    void everyFieldOfAPattern_mustMatch_andNestedObjectsMatchNestedRecords() {
        String pattern =
                "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":[\"keep\"]}}}}";
        assertThat(
                        matches(
                                pattern,
                                "{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":\"keep\"}}}}"))
                .isTrue();
        assertThat(
                        matches(
                                pattern,
                                "{\"eventName\":\"MODIFY\",\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":\"keep\"}}}}"))
                .isFalse();
        assertThat(matches(pattern, "{\"eventName\":\"INSERT\",\"dynamodb\":{}}")).isFalse();
    }

    @Test
    void prefixSuffixAndIgnoreCase() {
        assertThat(matches("{\"a\":[{\"prefix\":\"ord\"}]}", "{\"a\":\"order-1\"}")).isTrue();
        assertThat(matches("{\"a\":[{\"prefix\":\"ord\"}]}", "{\"a\":\"item\"}")).isFalse();
        assertThat(matches("{\"a\":[{\"suffix\":\".png\"}]}", "{\"a\":\"x.png\"}")).isTrue();
        assertThat(matches("{\"a\":[{\"equals-ignore-case\":\"KEEP\"}]}", "{\"a\":\"keep\"}"))
                .isTrue();
        assertThat(
                        matches(
                                "{\"a\":[{\"prefix\":{\"equals-ignore-case\":\"ORD\"}}]}",
                                "{\"a\":\"order\"}"))
                .isTrue();
    }

    @Test
    void anythingBut_excludesValuesListsAndPrefixes() {
        assertThat(matches("{\"a\":[{\"anything-but\":\"x\"}]}", "{\"a\":\"y\"}")).isTrue();
        assertThat(matches("{\"a\":[{\"anything-but\":[\"x\",\"y\"]}]}", "{\"a\":\"y\"}"))
                .isFalse();
        assertThat(
                        matches(
                                "{\"a\":[{\"anything-but\":{\"prefix\":\"tmp\"}}]}",
                                "{\"a\":\"tmp-1\"}"))
                .isFalse();
        assertThat(matches("{\"a\":[{\"anything-but\":\"x\"}]}", "{}")).isFalse();
    }

    @Test
    void exists_testsPresence() {
        assertThat(matches("{\"a\":[{\"exists\":true}]}", "{\"a\":1}")).isTrue();
        assertThat(matches("{\"a\":[{\"exists\":true}]}", "{\"b\":1}")).isFalse();
        assertThat(matches("{\"a\":[{\"exists\":false}]}", "{\"b\":1}")).isTrue();
        assertThat(matches("{\"a\":[{\"exists\":false}]}", "{\"a\":1}")).isFalse();
    }

    @Test
    void numericRanges() {
        String between = "{\"n\":[{\"numeric\":[\">\",0,\"<=\",5]}]}";
        assertThat(matches(between, "{\"n\":5}")).isTrue();
        assertThat(matches(between, "{\"n\":0}")).isFalse();
        assertThat(matches(between, "{\"n\":\"3\"}")).isFalse();
        assertThat(matches("{\"n\":[{\"numeric\":[\"=\",3.5]}]}", "{\"n\":3.50}")).isTrue();
    }

    @Test
    void wildcard_matchesAnyRun() {
        assertThat(matches("{\"k\":[{\"wildcard\":\"a*/x*.json\"}]}", "{\"k\":\"abc/xyz.json\"}"))
                .isTrue();
        assertThat(matches("{\"k\":[{\"wildcard\":\"a*.json\"}]}", "{\"k\":\"abc.txt\"}"))
                .isFalse();
    }

    @Test
    void anArrayInTheRecord_matchesWhenAnElementMatches() {
        assertThat(matches("{\"tags\":[\"red\"]}", "{\"tags\":[\"blue\",\"red\"]}")).isTrue();
        assertThat(matches("{\"tags\":[\"red\"]}", "{\"tags\":[\"blue\"]}")).isFalse();
    }

    @Test
    void severalPatterns_areAlternatives() {
        EventFilter filter =
                new EventFilter(
                        List.of(Json.parse("{\"a\":[\"x\"]}"), Json.parse("{\"b\":[\"y\"]}")));
        assertThat(filter.matches(Json.parse("{\"b\":\"y\"}"))).isTrue();
        assertThat(filter.matches(Json.parse("{\"a\":\"y\"}"))).isFalse();
    }

    @Test
    void unknownOperatorsAndScalarFields_areReported() {
        List<JsonNode> patterns =
                List.of(Json.parse("{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}],\"a\":\"x\"}"));
        assertThat(EventFilter.unsupported(patterns))
                .containsExactlyInAnyOrder(
                        "FilterCriteria operator cidr",
                        "FilterCriteria field a (values must be arrays or objects)");
    }
}
