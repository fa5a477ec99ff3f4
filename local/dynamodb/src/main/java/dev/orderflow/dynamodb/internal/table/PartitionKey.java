package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.Items;

/**
 * A partition's place in a store. DynamoDB spreads partitions over its key space by a hash of the
 * partition key value, and a Scan walks that space in order, so items come back in hash order, not
 * sorted by key; a parallel Scan's segment is a contiguous share of the same space, so the segments
 * partition the table. The hash is the 24-bit {@link TableKeyOrder} prefix; equal hashes fall back
 * to the key value so the order is total.
 *
 * @param hash the 24-bit hash of the value
 * @param value the partition key value; null only in a bound that sorts before every value of its
 *     hash
 */
public record PartitionKey(int hash, AttributeValue value) implements Comparable<PartitionKey> {

    /** The size of the hash space segments divide. */
    private static final long SPACE = 1L << 24;

    public static PartitionKey of(AttributeValue value) {
        return new PartitionKey(TableKeyOrder.hash(value), value);
    }

    /** The bound before every partition of {@code segment} of {@code total}. */
    public static PartitionKey segmentStart(int segment, int total) {
        return new PartitionKey((int) ((segment * SPACE + total - 1) / total), null);
    }

    /** Which of {@code total} parallel-scan segments this partition belongs to. */
    public int segment(int total) {
        return (int) (hash * (long) total / SPACE);
    }

    @Override
    public int compareTo(PartitionKey o) {
        int c = Integer.compare(hash, o.hash);
        if (c != 0) {
            return c;
        }
        if (value == null || o.value == null) {
            return value == null ? (o.value == null ? 0 : -1) : 1;
        }
        return Items.compareKeys(value, o.value);
    }
}
