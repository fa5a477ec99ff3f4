package dev.orderflow.dynamodb.internal.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A DynamoDB attribute value: one record per wire type. Instances are immutable. */
public sealed interface AttributeValue {

    /** The wire type tag: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
    String typeTag();

    /**
     * String. A class rather than a record only to cache, lazily, whether the value can be written
     * to JSON as is (printable ASCII, nothing to escape): long plain strings are then copied into
     * responses instead of being escaped character by character on every read.
     */
    final class S implements AttributeValue {
        /** Shorter strings are written the ordinary way: the check would not pay off. */
        static final int PLAIN_MIN_LENGTH = 64;

        private final String value;

        /** 0: not computed yet, 1: plain, 2: not plain. A benign race: any thread computes it. */
        private byte plain;

        public S(String value) {
            this.value = java.util.Objects.requireNonNull(value, "value");
        }

        public String value() {
            return value;
        }

        /**
         * Whether the value is long and JSON-safe as is (printable ASCII, no quote or backslash).
         */
        boolean plainAscii() {
            byte p = plain;
            if (p == 0) {
                p = isPlain(value) ? (byte) 1 : (byte) 2;
                plain = p;
            }
            return p == 1;
        }

        private static boolean isPlain(String v) {
            if (v.length() < PLAIN_MIN_LENGTH) {
                return false;
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String typeTag() {
            return "S";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof S other && other.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "S[value=" + value + "]";
        }
    }

    /** Number, normalised (no trailing zeros). */
    record N(BigDecimal value) implements AttributeValue {
        @Override
        public String typeTag() {
            return "N";
        }

        /** The canonical text AWS returns. */
        public String text() {
            return Numbers.format(value);
        }
    }

    /** Binary. */
    record B(Bytes value) implements AttributeValue {
        @Override
        public String typeTag() {
            return "B";
        }
    }

    /** Boolean. */
    record Bool(boolean value) implements AttributeValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        @Override
        public String typeTag() {
            return "BOOL";
        }
    }

    /** Null. */
    record Null() implements AttributeValue {
        public static final Null INSTANCE = new Null();

        @Override
        public String typeTag() {
            return "NULL";
        }
    }

    /** List. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String typeTag() {
            return "L";
        }
    }

    /** Map; iteration order is insertion order. */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = CompactItem.copyOf(values);
        }

        @Override
        public String typeTag() {
            return "M";
        }
    }

    /** String set; iteration order is insertion order. */
    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = Items.copySet(values);
        }

        @Override
        public String typeTag() {
            return "SS";
        }
    }

    /** Number set of normalised numbers. */
    record NS(Set<BigDecimal> values) implements AttributeValue {
        public NS {
            values = Items.copySet(values);
        }

        @Override
        public String typeTag() {
            return "NS";
        }
    }

    /** Binary set. */
    record BS(Set<Bytes> values) implements AttributeValue {
        public BS {
            values = Items.copySet(values);
        }

        @Override
        public String typeTag() {
            return "BS";
        }
    }
}
