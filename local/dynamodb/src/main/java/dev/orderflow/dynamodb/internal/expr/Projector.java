package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a projection: only the listed document paths are kept; projected list elements are
 * returned compacted in index order ("Using projection expressions", Developer Guide).
 */
public final class Projector {
    private Projector() {}

    public static Map<String, AttributeValue> project(
            Map<String, AttributeValue> item, List<Operand.Path> paths) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Operand.Path p : paths) {
            AttributeValue v = DocumentPaths.get(item, p);
            if (v != null) {
                insert(root, p.elements(), v);
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        root.forEach((k, node) -> out.put(k, build(node)));
        return out;
    }

    @SuppressWarnings(
            "unchecked") // the tree only holds Map<String,Object>, TreeMap<Integer,Object>, values
    private static void insert(
            Map<String, Object> root, List<PathElement> elements, AttributeValue v) {
        Object container = root;
        for (int i = 0; i < elements.size(); i++) {
            boolean last = i == elements.size() - 1;
            PathElement e = elements.get(i);
            Object key =
                    e instanceof PathElement.Name n ? n.name() : ((PathElement.Index) e).index();
            Object nextNode;
            if (last) {
                nextNode = v;
            } else if (elements.get(i + 1) instanceof PathElement.Name) {
                nextNode = new LinkedHashMap<String, Object>();
            } else {
                nextNode = new TreeMap<Integer, Object>();
            }
            Map<Object, Object> map = (Map<Object, Object>) container;
            Object existing = map.get(key);
            if (existing == null || last) {
                map.put(key, nextNode);
                existing = nextNode;
            }
            container = existing;
        }
    }

    @SuppressWarnings("unchecked") // see insert
    private static AttributeValue build(Object node) {
        if (node instanceof AttributeValue v) {
            return v;
        }
        if (node instanceof TreeMap<?, ?> list) {
            List<AttributeValue> values = new ArrayList<>();
            ((TreeMap<Integer, Object>) list).values().forEach(o -> values.add(build(o)));
            return new AttributeValue.L(values);
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        ((Map<String, Object>) node).forEach((k, o) -> map.put(k, build(o)));
        return new AttributeValue.M(map);
    }
}
