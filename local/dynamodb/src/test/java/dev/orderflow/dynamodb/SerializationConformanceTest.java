package dev.orderflow.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The deserialization stage against DynamoDB's observed answers. Each file under {@code
 * src/test/resources/conformance-types/} lists an operation's members with a type label; this test
 * sends every wrong JSON value DynamoDB was tried with for that label, alone at that member's path,
 * and expects DynamoDB's SerializationException message (the label table is in that folder's
 * README).
 */
class SerializationConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String MODEL = "com.amazonaws.dynamodb.v20120810.";
    private static final String START_OF_OBJECT =
            "Start of structure or map found where not expected";
    private static final String CAST =
            "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to"
                    + " class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl"
                    + " and java.lang.Class are in module java.base of loader 'bootstrap')";
    private static final DynamoDbEngine ENGINE = DynamoDbEngine.inMemory(Clock.systemUTC());

    /** One wrong value and the message DynamoDB answers it with. */
    private record Wrong(JsonNode value, String message) {}

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @TestFactory
    Stream<DynamicNode> everyMemberRefusesEveryWrongType() throws IOException, URISyntaxException {
        Path root =
                Path.of(
                        SerializationConformanceTest.class
                                .getResource("/conformance-types")
                                .toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.list(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : files) {
            JsonNode spec = MAPPER.readTree(file.toFile());
            assertThat(spec.path("source").asText()).startsWith("https://docs.aws.amazon.com/");
            String op = spec.path("op").asText();
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode pair : spec.path("types")) {
                String path = pair.get(0).asText();
                String label = pair.get(1).asText();
                for (String[] expanded : expand(path, label)) {
                    for (Wrong wrong : wrongValues(expanded[1])) {
                        tests.add(
                                DynamicTest.dynamicTest(
                                        expanded[0]
                                                + " = "
                                                + wrong.value()
                                                + " ("
                                                + expanded[1]
                                                + ")",
                                        () -> check(op, expanded[0], wrong)));
                    }
                }
            }
            containers.add(DynamicContainer.dynamicContainer(op, tests));
        }
        return containers.stream();
    }

    private static void check(String op, String path, Wrong wrong) throws IOException {
        DynamoDbEngine.Response r =
                ENGINE.invoke(
                        "DynamoDB_20120810." + op,
                        MAPPER.writeValueAsBytes(body(path, wrong.value())));
        JsonNode body = MAPPER.readTree(r.body());
        assertThat(r.status()).as(body.toString()).isEqualTo(400);
        ObjectNode expected = F.objectNode();
        expected.put("__type", "com.amazon.coral.service#SerializationException");
        expected.put("Message", wrong.message());
        assertThat(body).isEqualTo(expected);
    }

    /** A request with only {@code value} at {@code path}; a segment "0" is a list element. */
    private static ObjectNode body(String path, JsonNode value) {
        ObjectNode root = F.objectNode();
        JsonNode parent = root;
        String[] segments = path.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            JsonNode child =
                    last ? value : segments[i + 1].equals("0") ? F.arrayNode() : F.objectNode();
            if (parent instanceof ArrayNode array) {
                array.add(child);
            } else {
                ((ObjectNode) parent).set(segments[i], child);
            }
            parent = child;
        }
        return root;
    }

    /** An AttrStruct label stands for the attribute value and each of its members. */
    private static List<String[]> expand(String path, String label) {
        if (!label.startsWith("AttrStruct<")) {
            return List.<String[]>of(new String[] {path, label});
        }
        String kind = label.substring("AttrStruct<".length(), label.length() - 1);
        String[][] members = {
            {"", kind + "<AttributeValue>"},
            {".S", "String"},
            {".N", "String"},
            {".B", "Blob"},
            {".BOOL", "Boolean"},
            {".NULL", "Boolean"},
            {".SS", "List"},
            {".SS.0", "String"},
            {".NS", "List"},
            {".NS.0", "String"},
            {".BS", "List"},
            {".BS.0", "Blob"},
            {".L", "List"},
            {".L.0", "ValueStruct<AttributeValue>"},
            {".L.0.BS", "List"},
            {".L.0.BS.0", "Blob"},
            {".M", "Map<AttributeValue>"},
            {".M.a", "ValueStruct<AttributeValue>"},
            {".M.a.BS", "List"},
            {".M.a.BS.0", "Blob"}
        };
        List<String[]> out = new ArrayList<>();
        for (String[] m : members) {
            out.add(new String[] {path + m[0], m[1]});
        }
        return out;
    }

    private static List<Wrong> wrongValues(String label) {
        String type = label.contains("<") ? label.substring(0, label.indexOf('<')) : label;
        String arg =
                label.contains("<")
                        ? label.substring(label.indexOf('<') + 1, label.length() - 1)
                        : null;
        return switch (type) {
            case "String" ->
                    List.of(
                            w(F.booleanNode(true), "TRUE_VALUE cannot be converted to String"),
                            w(F.booleanNode(false), "FALSE_VALUE cannot be converted to String"),
                            w(F.numberNode(23), "NUMBER_VALUE cannot be converted to String"),
                            w(
                                    F.numberNode(-2147483648),
                                    "NUMBER_VALUE cannot be converted to String"),
                            w(
                                    F.numberNode(2147483648L),
                                    "NUMBER_VALUE cannot be converted to String"),
                            w(
                                    F.numberNode(new java.math.BigDecimal("34.56")),
                                    "DECIMAL_VALUE cannot be converted to String"),
                            w(F.arrayNode(), "Unrecognized collection type class java.lang.String"),
                            w(F.objectNode(), START_OF_OBJECT));
            case "Boolean" ->
                    List.of(
                            w(F.textNode("23"), "Unexpected token received from parser"),
                            w(F.numberNode(23), "NUMBER_VALUE cannot be converted to Boolean"),
                            w(
                                    F.numberNode(2147483648L),
                                    "NUMBER_VALUE cannot be converted to Boolean"),
                            w(
                                    F.numberNode(new java.math.BigDecimal("34.56")),
                                    "DECIMAL_VALUE cannot be converted to Boolean"),
                            w(
                                    F.arrayNode(),
                                    "Unrecognized collection type class java.lang.Boolean"),
                            w(F.objectNode(), START_OF_OBJECT));
            case "Integer", "Long" ->
                    List.of(
                            w(F.textNode("23"), "STRING_VALUE cannot be converted to " + type),
                            w(F.booleanNode(true), "TRUE_VALUE cannot be converted to " + type),
                            w(F.booleanNode(false), "FALSE_VALUE cannot be converted to " + type),
                            w(
                                    F.arrayNode(),
                                    "Unrecognized collection type class java.lang." + type),
                            w(F.objectNode(), START_OF_OBJECT));
            case "Blob" ->
                    List.of(
                            w(
                                    F.booleanNode(true),
                                    "only base-64-encoded strings are convertible to bytes"),
                            w(
                                    F.numberNode(23),
                                    "only base-64-encoded strings are convertible to bytes"),
                            w(
                                    F.numberNode(new java.math.BigDecimal("34.56")),
                                    "only base-64-encoded strings are convertible to bytes"),
                            w(
                                    F.arrayNode(),
                                    "Unrecognized collection type class java.nio.ByteBuffer"),
                            w(F.objectNode(), START_OF_OBJECT),
                            w(
                                    F.textNode("23456"),
                                    "Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
                            w(
                                    F.textNode("=+/="),
                                    "Invalid last non-pad Base64 character dectected"),
                            w(
                                    F.textNode("+/+="),
                                    "Invalid last non-pad Base64 character dectected"));
            case "List" -> scalarsThen("Unexpected field type", w(F.objectNode(), START_OF_OBJECT));
            case "ParameterizedList" -> scalarsThen(CAST, w(F.objectNode(), START_OF_OBJECT));
            case "Map" ->
                    scalarsThen(
                            "Unexpected field type",
                            w(
                                    F.arrayNode(),
                                    "Unrecognized collection type java.util.Map<java.lang.String, "
                                            + (arg.contains(".") ? arg : MODEL + arg)
                                            + ">"));
            case "ParameterizedMap" ->
                    scalarsThen(
                            CAST,
                            w(
                                    F.arrayNode(),
                                    "Unrecognized collection type java.util.Map<java.lang.String, "
                                            + MODEL
                                            + "AttributeValue>"));
            case "ValueStruct" ->
                    scalarsThen(
                            "Unexpected value type in payload",
                            w(F.arrayNode(), "Unrecognized collection type class " + MODEL + arg));
            case "FieldStruct" ->
                    scalarsThen(
                            "Unexpected field type",
                            w(F.arrayNode(), "Unrecognized collection type class " + MODEL + arg));
            default -> throw new IllegalArgumentException("unknown type label " + label);
        };
    }

    /** The six scalars DynamoDB was tried with, all answered alike, then one more case. */
    private static List<Wrong> scalarsThen(String scalarMessage, Wrong last) {
        return List.of(
                w(F.textNode("23"), scalarMessage),
                w(F.booleanNode(true), scalarMessage),
                w(F.numberNode(23), scalarMessage),
                w(F.numberNode(-2147483648), scalarMessage),
                w(F.numberNode(2147483648L), scalarMessage),
                w(F.numberNode(new java.math.BigDecimal("34.56")), scalarMessage),
                last);
    }

    private static Wrong w(JsonNode value, String message) {
        return new Wrong(value, message);
    }
}
