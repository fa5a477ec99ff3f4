package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The key of a table or index: hash attribute and optional range attribute (null if none). */
public record KeySchema(String hash, String range) {

    public boolean hasRange() {
        return range != null;
    }

    public boolean isKey(String attribute) {
        return attribute.equals(hash) || attribute.equals(range);
    }

    /** The key attributes of an item (which must contain them). */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hash, item.get(hash));
        if (range != null) {
            key.put(range, item.get(range));
        }
        return key;
    }
}
