package dev.orderflow.dynamodb.internal.value;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Item size as AWS computes it ("Item sizes and formats", Developer Guide): UTF-8 names and
 * strings, raw binary, numbers at one byte per two significant digits plus one, one byte for BOOL
 * and NULL, three bytes plus one per element for lists and maps.
 */
public final class ItemSize {
    /** The 400 KB item limit. */
    public static final int MAX_ITEM = 400 * 1024;

    private ItemSize() {}

    public static int of(Map<String, AttributeValue> item) {
        if (item instanceof CompactItem compact) {
            return compact.itemSize();
        }
        int total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += utf8(e.getKey()) + of(e.getValue());
        }
        return total;
    }

    public static int of(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return utf8(s.value());
        } else if (v instanceof AttributeValue.N n) {
            return number(n.value());
        } else if (v instanceof AttributeValue.B b) {
            return b.value().length();
        } else if (v instanceof AttributeValue.Bool || v instanceof AttributeValue.Null) {
            return 1;
        } else if (v instanceof AttributeValue.L l) {
            int t = 3;
            for (AttributeValue x : l.values()) {
                t += 1 + of(x);
            }
            return t;
        } else if (v instanceof AttributeValue.M m) {
            if (m.values() instanceof CompactItem compact) {
                // Names and values: the item size of the map, plus one per entry and three.
                return 3 + compact.size() + compact.itemSize();
            }
            int t = 3;
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                t += 1 + utf8(e.getKey()) + of(e.getValue());
            }
            return t;
        } else if (v instanceof AttributeValue.SS ss) {
            return ss.values().stream().mapToInt(ItemSize::utf8).sum();
        } else if (v instanceof AttributeValue.NS ns) {
            return ns.values().stream().mapToInt(ItemSize::number).sum();
        } else if (v instanceof AttributeValue.BS bs) {
            return bs.values().stream().mapToInt(Bytes::length).sum();
        }
        return 0;
    }

    private static int number(BigDecimal d) {
        int digits = d.signum() == 0 ? 1 : d.precision();
        return (digits + 1) / 2 + 1;
    }

    public static int utf8(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
