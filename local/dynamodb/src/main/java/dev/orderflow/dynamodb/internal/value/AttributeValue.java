package dev.orderflow.dynamodb.internal.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A DynamoDB attribute value: one record per wire type. Instances are immutable. */
public sealed interface AttributeValue {

    /** The wire type tag: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
    String typeTag();

    /** String. */
    record S(String value) implements AttributeValue {
        @Override
        public String typeTag() {
            return "S";
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
            values = Items.copy(values);
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
