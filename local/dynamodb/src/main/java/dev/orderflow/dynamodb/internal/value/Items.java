package dev.orderflow.dynamodb.internal.value;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** Copies and comparisons of item maps and attribute values. */
public final class Items {
    private Items() {}

    static <V> Set<V> copySet(Set<V> set) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    /**
     * Compares two strings by their UTF-8 bytes, which is code point order (DynamoDB orders string
     * keys this way, unlike {@link String#compareTo}).
     */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Orders two scalar key values of the same type (S, N or B). */
    public static int compareKeys(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S sa && b instanceof AttributeValue.S sb) {
            return compareUtf8(sa.value(), sb.value());
        }
        if (a instanceof AttributeValue.N na && b instanceof AttributeValue.N nb) {
            return na.value().compareTo(nb.value());
        }
        if (a instanceof AttributeValue.B ba && b instanceof AttributeValue.B bb) {
            return ba.value().compareTo(bb.value());
        }
        throw new IllegalArgumentException("not comparable: " + a + " " + b);
    }
}
