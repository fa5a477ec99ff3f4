package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Reads and rewrites values at document paths inside items (whose nested values are immutable). */
public final class DocumentPaths {
    private DocumentPaths() {}

    /** The value at the path, or null when any step is missing or of the wrong type. */
    public static AttributeValue get(Map<String, AttributeValue> item, Operand.Path path) {
        List<PathElement> elements = path.elements();
        AttributeValue current = item.get(((PathElement.Name) elements.get(0)).name());
        for (int i = 1; i < elements.size() && current != null; i++) {
            PathElement e = elements.get(i);
            if (e instanceof PathElement.Name n) {
                current = current instanceof AttributeValue.M m ? m.values().get(n.name()) : null;
            } else {
                int index = ((PathElement.Index) e).index();
                current =
                        current instanceof AttributeValue.L l && index < l.values().size()
                                ? l.values().get(index)
                                : null;
            }
        }
        return current;
    }

    /**
     * Replaces the value at the path by {@code change(old)}; a null result removes it. Missing
     * parents fail with AWS's "document path ... invalid for update" error.
     */
    public static void update(
            Map<String, AttributeValue> item,
            Operand.Path path,
            UnaryOperator<AttributeValue> change) {
        List<PathElement> elements = path.elements();
        String top = ((PathElement.Name) elements.get(0)).name();
        if (elements.size() == 1) {
            AttributeValue v = change.apply(item.get(top));
            if (v == null) {
                item.remove(top);
            } else {
                item.put(top, v);
            }
            return;
        }
        AttributeValue child = item.get(top);
        if (child == null) {
            throw invalidPath();
        }
        item.put(top, updateIn(child, elements, 1, change));
    }

    private static AttributeValue updateIn(
            AttributeValue container,
            List<PathElement> elements,
            int i,
            UnaryOperator<AttributeValue> change) {
        PathElement e = elements.get(i);
        boolean last = i == elements.size() - 1;
        if (e instanceof PathElement.Name n) {
            if (!(container instanceof AttributeValue.M m)) {
                throw invalidPath();
            }
            Map<String, AttributeValue> map = new LinkedHashMap<>(m.values());
            if (last) {
                AttributeValue v = change.apply(map.get(n.name()));
                if (v == null) {
                    map.remove(n.name());
                } else {
                    map.put(n.name(), v);
                }
            } else {
                AttributeValue child = map.get(n.name());
                if (child == null) {
                    throw invalidPath();
                }
                map.put(n.name(), updateIn(child, elements, i + 1, change));
            }
            return new AttributeValue.M(map);
        }
        int index = ((PathElement.Index) e).index();
        if (!(container instanceof AttributeValue.L l)) {
            throw invalidPath();
        }
        List<AttributeValue> list = new ArrayList<>(l.values());
        if (last) {
            AttributeValue old = index < list.size() ? list.get(index) : null;
            AttributeValue v = change.apply(old);
            if (v == null) {
                if (index < list.size()) {
                    list.remove(index);
                }
            } else if (index < list.size()) {
                list.set(index, v);
            } else {
                list.add(v);
            }
        } else {
            if (index >= list.size()) {
                throw invalidPath();
            }
            list.set(index, updateIn(list.get(index), elements, i + 1, change));
        }
        return new AttributeValue.L(list);
    }

    static ApiException invalidPath() {
        return ApiException.validation(
                "The document path provided in the update expression is invalid for update");
    }
}
