package dev.orderflow.states.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and the plain Java values the JSONata library works on. */
final class JsonataValues {
    private JsonataValues() {}

    static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), toJava(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode n : node) {
                list.add(toJava(n));
            }
            return list;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : node.asDouble();
        }
        return node.asDouble();
    }

    /** Converts a JSONata result; returns null for "undefined". */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode obj = Json.object();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                JsonNode v = toJson(e.getValue());
                if (v != null) {
                    obj.set(String.valueOf(e.getKey()), v);
                }
            }
            return obj;
        }
        if (value instanceof List<?> list) {
            ArrayNode arr = Json.NODES.arrayNode();
            for (Object o : list) {
                JsonNode v = toJson(o);
                if (v != null) {
                    arr.add(v);
                }
            }
            return arr;
        }
        if (value instanceof String s) {
            return Json.NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (n instanceof Long || n instanceof Integer) {
                return Json.NODES.numberNode(n.longValue());
            }
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return Json.NODES.numberNode((long) d);
            }
            return Json.NODES.numberNode(new BigDecimal(Double.toString(d)));
        }
        return Json.MAPPER.valueToTree(value);
    }
}
