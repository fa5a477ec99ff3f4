package dev.orderflow.dynamodb.internal.expr;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.List;

/** Something that evaluates to an attribute value (or to nothing). */
public sealed interface Operand {

    /** A document path into the item. */
    record Path(List<PathElement> elements) implements Operand {
        public Path {
            elements = List.copyOf(elements);
        }

        public String topName() {
            return ((PathElement.Name) elements.get(0)).name();
        }

        /** AWS's rendering in overlap errors: {@code [a, b, [0]]}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(elements.get(i));
            }
            return sb.append(']').toString();
        }
    }

    /** An expression attribute value. */
    record Value(String ref, AttributeValue value) implements Operand {}

    /** {@code size(operand)}: of a path's value, or of a value given as a placeholder. */
    record Size(Operand operand) implements Operand {}

    /**
     * An update function ({@code if_not_exists}, {@code list_append}) as parsed, before its
     * placeholders are resolved and its operands counted; the resolver replaces it.
     */
    record Call(String function, List<Operand> args) implements Operand {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code if_not_exists(path, operand)}, update expressions only. */
    record IfNotExists(Path path, Operand fallback) implements Operand {}

    /** {@code list_append(a, b)}, update expressions only. */
    record ListAppend(Operand first, Operand second) implements Operand {}

    /** {@code a + b} or {@code a - b}, update expressions only. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {}
}
