package dev.orderflow.dynamodb.internal.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable item (or map value): attribute names and values in two arrays, in the client's
 * order, with the item's size computed once. It replaces an unmodifiable {@code LinkedHashMap},
 * which costs about 150 bytes more per stored item (a map object, a bucket table and one entry
 * object per attribute) and whose size had to be recomputed on every Query page and capacity report
 * (issue 15).
 *
 * <p>Lookups scan the names: items mostly have few attributes, and names parsed from JSON are
 * usually the same instances, so the scan mostly compares references. Items with many attributes
 * get a small open-addressing index.
 */
public final class CompactItem extends AbstractMap<String, AttributeValue> {
    private static final CompactItem EMPTY =
            new CompactItem(new String[0], new AttributeValue[0], 0);

    /** From this many attributes on, lookups go through {@link #index}. */
    private static final int INDEXED_FROM = 12;

    private final String[] names;
    private final AttributeValue[] values;
    private final int length;

    /** Open-addressing table of positions + 1 (0: empty slot); null for small items. */
    private final short[] index;

    /** The item size as AWS computes it; -1 until first asked. A benign race. */
    private int itemSize = -1;

    private CompactItem(String[] names, AttributeValue[] values, int length) {
        this.names = names;
        this.values = values;
        this.length = length;
        this.index = length >= INDEXED_FROM ? buildIndex(names, length) : null;
    }

    /** The empty item. */
    public static CompactItem empty() {
        return EMPTY;
    }

    /** An immutable copy in the map's iteration order; the map itself if it is one already. */
    public static CompactItem copyOf(Map<String, AttributeValue> map) {
        if (map instanceof CompactItem c) {
            return c;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        Builder b = new Builder(map.size());
        map.forEach(b::put);
        return b.build();
    }

    /**
     * Builds an item attribute by attribute; a name given twice keeps its first position and its
     * last value, as a {@code LinkedHashMap} does.
     */
    public static final class Builder {
        private String[] names;
        private AttributeValue[] values;
        private int length;

        public Builder(int expected) {
            names = new String[Math.max(expected, 1)];
            values = new AttributeValue[names.length];
        }

        public Builder put(String name, AttributeValue value) {
            for (int i = 0; i < length; i++) {
                if (names[i].equals(name)) {
                    values[i] = value;
                    return this;
                }
            }
            if (length == names.length) {
                names = java.util.Arrays.copyOf(names, length * 2);
                values = java.util.Arrays.copyOf(values, length * 2);
            }
            names[length] = java.util.Objects.requireNonNull(name, "name");
            values[length++] = java.util.Objects.requireNonNull(value, "value");
            return this;
        }

        public CompactItem build() {
            if (length == 0) {
                return EMPTY;
            }
            if (length != names.length) {
                names = java.util.Arrays.copyOf(names, length);
                values = java.util.Arrays.copyOf(values, length);
            }
            return new CompactItem(names, values, length);
        }
    }

    private static short[] buildIndex(String[] names, int length) {
        short[] table = new short[Integer.highestOneBit(length * 2 - 1) << 1];
        int mask = table.length - 1;
        for (int i = 0; i < length; i++) {
            int slot = spread(names[i].hashCode()) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = (short) (i + 1);
        }
        return table;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int position(Object name) {
        if (index == null) {
            for (int i = 0; i < length; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            for (int i = 0; i < length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
        if (!(name instanceof String)) {
            return -1;
        }
        int mask = index.length - 1;
        for (int slot = spread(name.hashCode()) & mask;
                index[slot] != 0;
                slot = (slot + 1) & mask) {
            int i = index[slot] - 1;
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The item's size as AWS computes it ({@link ItemSize}), computed once. */
    public int itemSize() {
        int s = itemSize;
        if (s < 0) {
            s = 0;
            for (int i = 0; i < length; i++) {
                s += ItemSize.utf8(names[i]) + ItemSize.of(values[i]);
            }
            itemSize = s;
        }
        return s;
    }

    /** The name at a position (0 to {@code size() - 1}), in the client's order. */
    public String nameAt(int i) {
        return names[i];
    }

    /** The value at a position (0 to {@code size() - 1}). */
    public AttributeValue valueAt(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return length;
    }

    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    @Override
    public AttributeValue get(Object name) {
        int i = position(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return position(name) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
        for (int i = 0; i < length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return length;
            }

            @Override
            public Iterator<Entry<String, AttributeValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < length;
                    }

                    @Override
                    public Entry<String, AttributeValue> next() {
                        if (next >= length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }
        };
    }
}
