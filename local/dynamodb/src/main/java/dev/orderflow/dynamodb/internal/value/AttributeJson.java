package dev.orderflow.dynamodb.internal.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts attribute values between DynamoDB JSON ({@code {"S":"x"}}) and the value model. */
public final class AttributeJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AttributeJson() {}

    /** Reads an item map ({@code {"name": {"S": "x"}, ...}}). */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        CompactItem.Builder item = new CompactItem.Builder(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            item.put(e.getKey(), read(e.getValue()));
        }
        return item.build();
    }

    /** Reads one attribute value, validating it as AWS does. */
    public static AttributeValue read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        // One walk checks the whole value, nested ones included; the conversion does not repeat it.
        AttributeValueRules.check(node);
        return convert(node);
    }

    /** Converts a value {@link AttributeValueRules#check} accepted. */
    private static AttributeValue convert(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        Map.Entry<String, JsonNode> e = AttributeValueRules.firstType(node);
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> new AttributeValue.S(text(v));
            case "N" -> new AttributeValue.N(Numbers.parse(text(v)));
            case "B" -> new AttributeValue.B(bytes(v));
            case "BOOL" -> v.booleanValue() ? AttributeValue.Bool.TRUE : AttributeValue.Bool.FALSE;
            case "NULL" -> AttributeValue.Null.INSTANCE;
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                array(v).forEach(x -> list.add(convert(x)));
                yield new AttributeValue.L(list);
            }
            case "M" -> new AttributeValue.M(convertItem(v));
            case "SS" -> new AttributeValue.SS(set(v, AttributeJson::text));
            case "NS" -> new AttributeValue.NS(set(v, x -> Numbers.parse(text(x))));
            default -> new AttributeValue.BS(set(v, AttributeJson::bytes));
        };
    }

    private static Map<String, AttributeValue> convertItem(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        CompactItem.Builder item = new CompactItem.Builder(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            item.put(e.getKey(), convert(e.getValue()));
        }
        return item.build();
    }

    private interface Reader<T> {
        T read(JsonNode n);
    }

    /** Members of a set already checked by {@link AttributeValueRules}. */
    private static <T> Set<T> set(JsonNode v, Reader<T> reader) {
        Set<T> out = new LinkedHashSet<>();
        for (JsonNode x : array(v)) {
            out.add(reader.read(x));
        }
        return out;
    }

    private static JsonNode array(JsonNode v) {
        if (!v.isArray()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return v;
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw ApiException.serialization("Unexpected value type in payload");
        }
        return v.textValue();
    }

    private static Bytes bytes(JsonNode v) {
        try {
            return Bytes.fromBase64(text(v));
        } catch (IllegalArgumentException e) {
            throw ApiException.serialization(
                    "Base64 encoded length is expected a multiple of 4 bytes but found: "
                            + v.asText().length());
        }
    }

    /** An item as a JSON node that serializes itself without building a tree. */
    public static JsonNode itemNode(Map<String, AttributeValue> item) {
        return F.pojoNode(new ItemJson(item));
    }

    /** Writes an item map as a JSON tree. */
    public static ObjectNode writeItem(Map<String, AttributeValue> item) {
        ObjectNode o = F.objectNode();
        item.forEach((k, v) -> o.set(k, write(v)));
        return o;
    }

    /** Writes one attribute value. */
    public static ObjectNode write(AttributeValue v) {
        ObjectNode o = F.objectNode();
        if (v instanceof AttributeValue.S s) {
            o.put("S", s.value());
        } else if (v instanceof AttributeValue.N n) {
            o.put("N", n.text());
        } else if (v instanceof AttributeValue.B b) {
            o.put("B", b.value().base64());
        } else if (v instanceof AttributeValue.Bool b) {
            o.put("BOOL", b.value());
        } else if (v instanceof AttributeValue.Null) {
            o.put("NULL", true);
        } else if (v instanceof AttributeValue.L l) {
            ArrayNode a = o.putArray("L");
            l.values().forEach(x -> a.add(write(x)));
        } else if (v instanceof AttributeValue.M m) {
            o.set("M", writeItem(m.values()));
        } else if (v instanceof AttributeValue.SS ss) {
            ArrayNode a = o.putArray("SS");
            ss.values().forEach(a::add);
        } else if (v instanceof AttributeValue.NS ns) {
            ArrayNode a = o.putArray("NS");
            for (BigDecimal d : ns.values()) {
                a.add(Numbers.format(d));
            }
        } else if (v instanceof AttributeValue.BS bs) {
            ArrayNode a = o.putArray("BS");
            bs.values().forEach(b -> a.add(b.base64()));
        }
        return o;
    }
}
