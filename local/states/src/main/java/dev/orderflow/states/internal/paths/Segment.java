package dev.orderflow.states.internal.paths;

import java.util.List;

/** One step of a parsed JSONPath expression. */
sealed interface Segment {
    /** {@code .name} or {@code ['name']}. */
    record Field(String name) implements Segment {}

    /** {@code [3]}; negative counts from the end. */
    record Index(int index) implements Segment {}

    /** {@code .*} or {@code [*]}. */
    record Wildcard() implements Segment {}

    /** {@code ..name} or {@code ..*} (name null). */
    record DeepScan(String name) implements Segment {}

    /** {@code ['a','b']} or {@code [0,2]}: entries are String or Integer. */
    record Union(List<Object> keys) implements Segment {
        public Union {
            keys = List.copyOf(keys);
        }
    }

    /** {@code [start:end:step]}; null bounds are open. */
    record Slice(Integer start, Integer end, int step) implements Segment {}

    /** {@code [?(...)]}. */
    record Filter(FilterExpr expr) implements Segment {}
}
