package dev.orderflow.states.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Shared Jackson configuration and small JSON helpers for the engine. */
public final class Json {
    /** The engine-wide mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Node factory that keeps exact decimals out of doubles. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** Parses JSON text, throwing {@link IllegalArgumentException} when it is malformed. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Compact serialisation, as Step Functions prints payloads. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UTF-8 size of the compact serialisation, used for the payload quota. */
    public static int sizeInBytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * True when the compact serialisation of {@code node} is larger than {@code limit} bytes. A
     * cheap walk bounds the size first; only borderline payloads are serialised.
     */
    public static boolean exceeds(JsonNode node, int limit) {
        long estimate = estimate(node, limit);
        if (estimate * 3 < limit) {
            return false;
        }
        return sizeInBytes(node) > limit;
    }

    private static long estimate(JsonNode node, long budget) {
        if (node.isTextual()) {
            return node.textValue().length() + 2L;
        }
        if (node.isContainerNode()) {
            long total = 2;
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it =
                            node.isObject() ? node.properties().iterator() : null;
                    it != null && it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                total += e.getKey().length() + 4 + estimate(e.getValue(), budget);
                if (total * 3 > budget) {
                    return total;
                }
            }
            if (node.isArray()) {
                for (JsonNode child : node) {
                    total += 1 + estimate(child, budget);
                    if (total * 3 > budget) {
                        return total;
                    }
                }
            }
            return total;
        }
        return 24;
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** JSON type name as AWS error messages spell it. */
    public static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
        };
    }
}
