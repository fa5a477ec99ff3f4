package dev.orderflow.adapters.aws.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size by the rules of the DynamoDB Developer Guide ("DynamoDB item sizes and formats"):
 * names and strings in UTF-8 bytes, a number about one byte per two significant digits plus one, a
 * boolean or null one byte, a list or map 3 bytes plus one byte per element. Storage billing adds
 * 100 bytes of index overhead per item, which this does not count.
 */
final class ItemSize {

    private ItemSize() {}

    static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + value(e.getValue());
        }
        return size;
    }

    private static int value(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            String digits =
                    new BigDecimal(v.n()).stripTrailingZeros().unscaledValue().abs().toString();
            return (digits.length() + 1) / 2 + 1;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasL()) {
            int size = 3;
            for (AttributeValue element : v.l()) {
                size += 1 + value(element);
            }
            return size;
        }
        if (v.hasM()) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + value(e.getValue());
            }
            return size;
        }
        throw new IllegalArgumentException("no size rule for " + v);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
