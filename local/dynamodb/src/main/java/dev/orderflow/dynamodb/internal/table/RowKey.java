package dev.orderflow.dynamodb.internal.table;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.internal.value.Items;
import java.util.Comparator;

/**
 * Position of an item inside one partition: the range value, then (in indexes, where several items
 * share index keys) the order DynamoDB gives items with equal index keys, which follows a hash of
 * the table key ({@link TableKeyOrder}), then the table's hash and range values. Null parts sort
 * first; a bound marked {@code afterAll} sorts after every row with the same range value.
 */
public record RowKey(
        AttributeValue range,
        AttributeValue tableHash,
        AttributeValue tableRange,
        boolean afterAll,
        String tableKeyOrder)
        implements Comparable<RowKey> {

    private static final Comparator<AttributeValue> PART =
            Comparator.nullsFirst(Items::compareKeys);
    private static final Comparator<String> ORDER =
            Comparator.nullsFirst(Comparator.naturalOrder());

    /** The row of every item of a table without a range key. */
    public static final RowKey NO_RANGE = new RowKey(null, null, null, false, null);

    public RowKey(AttributeValue range, AttributeValue tableHash, AttributeValue tableRange) {
        this(
                range,
                tableHash,
                tableRange,
                false,
                tableHash == null ? null : TableKeyOrder.of(tableHash, tableRange));
    }

    /** A position before every row sharing the given range value. */
    public static RowKey lowest(AttributeValue range) {
        return new RowKey(range, null, null, false, null);
    }

    /** A position after every row sharing the given range value. */
    public static RowKey highest(AttributeValue range) {
        return new RowKey(range, null, null, true, null);
    }

    @Override
    public int compareTo(RowKey o) {
        int c = PART.compare(range, o.range);
        if (c != 0) {
            return c;
        }
        if (afterAll != o.afterAll) {
            return afterAll ? 1 : -1;
        }
        c = ORDER.compare(tableKeyOrder, o.tableKeyOrder);
        if (c != 0) {
            return c;
        }
        c = PART.compare(tableHash, o.tableHash);
        return c != 0 ? c : PART.compare(tableRange, o.tableRange);
    }
}
