package dev.orderflow.dynamodb.internal.expr;

/** One step of a document path: a map key or a list index. */
public sealed interface PathElement {
    /** A map key or top-level attribute name. */
    record Name(String name) implements PathElement {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A list index. */
    record Index(int index) implements PathElement {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }
}
