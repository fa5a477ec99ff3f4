package dev.orderflow.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Bad request bodies made from a good one and its schema: every field with a value of another JSON
 * type, {@code null} or missing where required, out of its documented range or pattern, an unknown
 * field beside it, deep nesting, huge arrays, invalid UTF-8 and broken JSON in its place; and bad
 * roots (not an object, too large, not JSON). Each is a body the API must refuse.
 */
final class BadBodies {

    /** A bad body; {@code contentType} null sends none. */
    record BadBody(String label, byte[] bytes, String contentType) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "__raw_value__";
    private static final String JSON_TYPE = "application/json";

    private final JsonNode good;
    private final JsonNode schema;

    BadBodies(String goodBody, JsonNode schema) {
        this.good = SagaFixture.json(goodBody);
        this.schema = schema;
    }

    /** Generators of bad bodies, each drawing its random parts from the given source. */
    List<Function<Random, BadBody>> kinds() {
        List<Function<Random, BadBody>> kinds = new ArrayList<>();
        for (String root : roots()) {
            kinds.add(r -> text("root " + abbreviate(root), root, JSON_TYPE));
            kinds.add(r -> text("root " + abbreviate(root) + " without type", root, null));
        }
        kinds.add(r -> bytes("invalid UTF-8 root", new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b}));
        kinds.add(r -> text("trailing garbage", good + " x", JSON_TYPE));
        kinds.add(r -> text("over 16 KB", " ".repeat(17_000) + good, JSON_TYPE));
        kinds.add(r -> text("as " + oddType(r), good.toString(), oddType(r)));
        fields(good, schema, "", true, kinds);
        return kinds;
    }

    private static List<String> roots() {
        return List.of(
                "null",
                "0",
                "-1",
                "1.5",
                "\"x\"",
                "true",
                "[]",
                "[{}]",
                "{}",
                "",
                "{",
                "}",
                "{\"a\":",
                "{'a':1}",
                "[".repeat(10_000),
                "{\"a\":".repeat(3_000),
                "[" + "1,".repeat(60_000) + "1]");
    }

    /** The mutations of the value at {@code pointer}, and of everything inside it. */
    private void fields(
            JsonNode value,
            JsonNode schema,
            String pointer,
            boolean required,
            List<Function<Random, BadBody>> kinds) {
        String type = schema.path("type").asText();
        if (!pointer.isEmpty()) {
            for (JsonNode wrong : wrongTypes(type)) {
                kinds.add(r -> replaced(pointer, wrong, "wrong type " + wrong));
            }
            if (required) {
                kinds.add(r -> replaced(pointer, NODES.nullNode(), "null"));
                kinds.add(r -> removed(pointer));
            }
            kinds.add(r -> raw(pointer, "[".repeat(10_000), "10,000 ["));
            kinds.add(r -> raw(pointer, rawJunk(r), "broken JSON"));
            kinds.add(r -> rawBytes(pointer, new byte[] {(byte) 0xc3, 0x28}, "invalid UTF-8"));
        }
        switch (type) {
            case "object" -> objectFields(value, schema, pointer, kinds);
            case "array" -> arrayFields(value, schema, pointer, kinds);
            case "integer" -> integerRange(schema, pointer, kinds);
            case "string" -> stringRange(value.asText(), schema, pointer, kinds);
            default -> {}
        }
    }

    private void objectFields(
            JsonNode value,
            JsonNode schema,
            String pointer,
            List<Function<Random, BadBody>> kinds) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        JsonNode additional = schema.path("additionalProperties");
        value.properties()
                .forEach(
                        e -> {
                            JsonNode property = schema.path("properties").path(e.getKey());
                            JsonNode fieldSchema = property.isMissingNode() ? additional : property;
                            fields(
                                    e.getValue(),
                                    fieldSchema,
                                    pointer + "/" + e.getKey(),
                                    required.contains(e.getKey()),
                                    kinds);
                        });
        if (additional.isBoolean() && !additional.asBoolean()) {
            kinds.add(r -> replaced(pointer + "/unexpected", NODES.numberNode(1), "unknown field"));
        } else if (additional.isObject()) {
            kinds.add(
                    r -> replaced(pointer + "/ZZ-ZZZ", NODES.textNode("x"), "entry of wrong type"));
        }
        if (schema.has("minProperties")) {
            kinds.add(r -> replaced(pointer, NODES.objectNode(), "no properties"));
        }
        if (schema.has("maxProperties") && value.size() > 0) {
            JsonNode sample = value.properties().iterator().next().getValue();
            kinds.add(
                    r -> {
                        ObjectNode many = NODES.objectNode();
                        for (int i = 0; i <= schema.get("maxProperties").asInt(); i++) {
                            many.set("K" + i, sample);
                        }
                        return replaced(pointer, many, "too many properties");
                    });
        }
    }

    private void arrayFields(
            JsonNode value,
            JsonNode schema,
            String pointer,
            List<Function<Random, BadBody>> kinds) {
        if (value.size() > 0) {
            fields(value.get(0), schema.path("items"), pointer + "/0", true, kinds);
        }
        if (schema.path("minItems").asInt(0) > 0) {
            kinds.add(r -> replaced(pointer, NODES.arrayNode(), "empty array"));
        }
        if (schema.has("maxItems") && value.size() > 0) {
            kinds.add(
                    r -> {
                        ArrayNode many = NODES.arrayNode();
                        for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                            many.add(value.get(0));
                        }
                        return replaced(pointer, many, "too many items");
                    });
        }
        kinds.add(r -> raw(pointer, "[" + "1,".repeat(60_000) + "1]", "huge array"));
    }

    private void integerRange(
            JsonNode schema, String pointer, List<Function<Random, BadBody>> kinds) {
        if (schema.has("minimum")) {
            long below = schema.get("minimum").asLong() - 1;
            kinds.add(r -> replaced(pointer, NODES.numberNode(below), "below minimum"));
        }
        if (schema.has("maximum")) {
            long above = schema.get("maximum").asLong() + 1;
            kinds.add(r -> replaced(pointer, NODES.numberNode(above), "above maximum"));
        }
        if (schema.path("not").has("const")) {
            JsonNode excluded = schema.path("not").get("const");
            kinds.add(r -> replaced(pointer, excluded, "excluded value"));
        }
        kinds.add(r -> raw(pointer, "99999999999999999999", "beyond long"));
        kinds.add(r -> raw(pointer, "1e400", "beyond double"));
    }

    private void stringRange(
            String good, JsonNode schema, String pointer, List<Function<Random, BadBody>> kinds) {
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            kinds.add(
                    r -> {
                        String bad = Strings.notMatching(r, pattern, good);
                        return replaced(pointer, NODES.textNode(bad), "off pattern " + bad);
                    });
        }
        if (schema.has("maxLength")) {
            String tooLong = "M".repeat(schema.get("maxLength").asInt() + 1);
            kinds.add(r -> replaced(pointer, NODES.textNode(tooLong), "too long"));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            kinds.add(r -> replaced(pointer, NODES.textNode(""), "empty"));
        }
    }

    private static List<JsonNode> wrongTypes(String type) {
        List<JsonNode> all =
                List.of(
                        NODES.textNode("1"),
                        NODES.numberNode(7),
                        NODES.numberNode(1.5),
                        NODES.booleanNode(true),
                        NODES.arrayNode(),
                        NODES.objectNode());
        return all.stream()
                .filter(
                        n ->
                                switch (type) {
                                    case "string" -> !n.isTextual();
                                    case "integer" -> !n.isIntegralNumber();
                                    case "number" -> !n.isNumber();
                                    case "boolean" -> !n.isBoolean();
                                    case "array" -> !n.isArray();
                                    case "object" -> !n.isObject();
                                    default -> false;
                                })
                .toList();
    }

    private static String rawJunk(Random random) {
        List<String> junk =
                List.of("NaN", "Infinity", "'x'", "01", "1.", "[1,]", "{\"a\"}", "tru", "\"\\x\"");
        return junk.get(random.nextInt(junk.size()));
    }

    private static String oddType(Random random) {
        List<String> types =
                List.of(
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "application/octet-stream",
                        "multipart/form-data; boundary=x",
                        "application/xml",
                        "text/json");
        return types.get(random.nextInt(types.size()));
    }

    private BadBody replaced(String pointer, JsonNode value, String label) {
        JsonNode copy = good.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = pointer.isEmpty() ? null : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent == null) {
            copy = value;
        } else if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return text(pointer + ": " + label, copy.toString(), JSON_TYPE);
    }

    private BadBody removed(String pointer) {
        JsonNode copy = good.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
            ((ArrayNode) parent).insertNull(Integer.parseInt(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return text(pointer + ": missing", copy.toString(), JSON_TYPE);
    }

    private BadBody raw(String pointer, String text, String label) {
        return rawBytes(pointer, text.getBytes(StandardCharsets.UTF_8), label);
    }

    /** The good body with the value at the pointer replaced by bytes that are not JSON. */
    private BadBody rawBytes(String pointer, byte[] value, String label) {
        String marked =
                new String(
                        replaced(pointer, NODES.textNode(RAW), "").bytes(), StandardCharsets.UTF_8);
        String[] around = marked.split("\"" + RAW + "\"", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        return new BadBody(pointer + ": " + label, out.toByteArray(), JSON_TYPE);
    }

    private static BadBody text(String label, String body, String contentType) {
        return new BadBody(label, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static BadBody bytes(String label, byte[] body) {
        return new BadBody(label, body, JSON_TYPE);
    }

    private static String abbreviate(String text) {
        return text.length() > 24 ? text.substring(0, 24) + "...(" + text.length() + ")" : text;
    }
}
