package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Data-driven conformance cases under {@code src/test/resources/conformance/<feature>/*.json}. Each
 * file cites the AWS documentation page its expectations come from, sets up tables, then runs cases
 * in order against a fresh in-process engine. Expected bodies match as subsets: every field listed
 * must be present and equal; arrays must match exactly.
 */
class ConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "DynamoDB_20120810.";
    private static final DivergenceReport DIVERGENCES = new DivergenceReport();

    @TestFactory
    Stream<DynamicNode> conformanceCases() throws IOException, URISyntaxException {
        Path root = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream().map(f -> container(root.relativize(f).toString(), read(f)));
    }

    @AfterAll
    static void writeDivergenceReport() throws IOException {
        DIVERGENCES.write();
    }

    private static JsonNode read(Path f) {
        try {
            // "@repeat:x:N@" expands to N copies of x, to keep large values out of the files.
            String text = Files.readString(f);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("@repeat:(.):(\\d+)@").matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, m.group(1).repeat(Integer.parseInt(m.group(2))));
            }
            m.appendTail(sb);
            return MAPPER.readTree(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DynamicContainer container(String name, JsonNode file) {
        assertThat(file.path("source").asText())
                .as("every case file cites its AWS doc page")
                .startsWith("https://docs.aws.amazon.com/");
        if (file.has("observed")) {
            assertThat(file.path("observed").asText())
                    .as("observed behaviour is cited from a public recording")
                    .startsWith("https://github.com/");
        }
        DynamoDbEngine engine =
                DynamoDbEngine.inMemory(
                        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode s : file.path("setup")) {
            tests.add(
                    DynamicTest.dynamicTest(
                            "setup " + s.path("op").asText(),
                            () -> {
                                DynamoDbEngine.Response r = invoke(engine, s);
                                assertThat(r.status())
                                        .as(new String(r.body(), StandardCharsets.UTF_8))
                                        .isEqualTo(200);
                            }));
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (JsonNode c : file.path("cases")) {
            assertThat(names.add(c.path("name").asText()))
                    .as("case names are unique in %s: %s", name, c.path("name").asText())
                    .isTrue();
            tests.add(
                    DynamicTest.dynamicTest(
                            c.path("name").asText(), () -> checkOrDiverge(name, engine, c)));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    private static DynamoDbEngine.Response invoke(DynamoDbEngine engine, JsonNode step)
            throws IOException {
        return engine.invoke(
                PREFIX + step.path("op").asText(), MAPPER.writeValueAsBytes(step.path("body")));
    }

    /**
     * A case with a {@code divergence} field records where the engine still answers differently
     * from DynamoDB (the field says how): it must still fail, so that fixing it makes this test
     * fail until the field is removed, and the list of divergences cannot go stale.
     */
    private static void checkOrDiverge(String file, DynamoDbEngine engine, JsonNode c)
            throws IOException {
        DynamoDbEngine.Response r = invoke(engine, c);
        JsonNode body = MAPPER.readTree(r.body());
        AssertionError failure = null;
        try {
            check(r, body, c.path("expect"));
        } catch (AssertionError e) {
            failure = e;
        }
        DIVERGENCES.record(file, c, r.status(), body, failure);
        if (c.has("divergence")) {
            assertThat(failure)
                    .as(
                            "case '%s' now answers as DynamoDB does: remove its divergence field",
                            c.path("name").asText())
                    .isNotNull();
        } else if (failure != null) {
            throw failure;
        }
    }

    private static void check(DynamoDbEngine.Response r, JsonNode body, JsonNode expect) {
        assertThat(r.status()).as(body.toString()).isEqualTo(expect.path("status").asInt(200));
        if (expect.has("type")) {
            assertThat(body.path("__type").asText()).endsWith("#" + expect.path("type").asText());
        }
        JsonNode m = body.has("message") ? body.get("message") : body.get("Message");
        String message = m == null ? null : m.asText();
        if (expect.has("message") && expect.path("anyOrder").asBoolean()) {
            assertSameErrors(message, expect.path("message").asText());
        } else if (expect.has("message")) {
            assertThat(message).isEqualTo(expect.path("message").asText());
        }
        if (expect.has("messagePattern")) {
            assertThat(message).containsPattern(expect.path("messagePattern").asText());
        }
        if (expect.has("body")) {
            assertSubset(expect.get("body"), body, "$");
        }
        if (expect.has("absent")) {
            for (JsonNode field : expect.get("absent")) {
                assertThat(body.has(field.asText()))
                        .as("field %s absent in %s", field, body)
                        .isFalse();
            }
        }
    }

    /** "N validation errors detected: a; b" where DynamoDB does not fix the order of a and b. */
    private static void assertSameErrors(String actual, String expected) {
        String[] expectedParts = expected.split(": ", 2);
        assertThat(actual).startsWith(expectedParts[0] + ": ");
        List<String> want = List.of(expectedParts[1].split("; "));
        List<String> got = List.of(actual.substring(expectedParts[0].length() + 2).split("; "));
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    }

    private static void assertSubset(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertThat(actual).as(path + " in " + actual).isNotNull();
            assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
            Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSubset(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual).as(path + " is an array").isNotNull();
            assertThat(actual.size()).as(path + " size in " + actual).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSubset(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber() && actual != null && actual.isNumber()) {
            // JSON does not tell 1 from 1.0; DynamoDB writes capacity units as 1.0.
            assertThat(actual.decimalValue())
                    .as(path)
                    .isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
