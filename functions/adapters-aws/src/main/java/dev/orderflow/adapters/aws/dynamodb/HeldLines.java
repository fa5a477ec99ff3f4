package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.OrderId;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The per-line writes of a reservation without transactions. Each takes or settles one stock shard
 * row in one conditional {@code UpdateItem} that also writes or removes the order's <em>hold</em>
 * on that row: the attribute {@code hold:<orderId>} holding the units taken for the order. A take
 * happens only where the order holds nothing yet, a settlement only where it holds exactly those
 * units, so every write is idempotent per order and line: a repeat finds its own hold (or its
 * absence) and changes nothing.
 */
final class HeldLines {

    private static final String TAKE =
            "SET available = available - :q, reserved = if_not_exists(reserved, :zero) + :q,"
                    + " #hold = :q";

    private static final String GIVE_BACK =
            "SET available = available + :q, reserved = reserved - :q REMOVE #hold";

    private static final String COMMIT = "SET reserved = reserved - :q REMOVE #hold";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ReplicatedWriteRetry retry;

    HeldLines(DynamoDbClient dynamo, String table, ReplicatedWriteRetry retry) {
        this.dynamo = dynamo;
        this.table = table;
        this.retry = retry;
    }

    /** The attribute that holds an order's units on a shard row. */
    static String holdOf(OrderId order) {
        return "hold:" + order.value();
    }

    /**
     * Takes the line's units for the order, unless the order holds them already (a repeat).
     *
     * @return empty when the order holds the units now; else the units the row had available, too
     *     few
     */
    OptionalInt take(OrderId order, ReservedLine line) {
        try {
            write(
                    order,
                    line,
                    TAKE,
                    "attribute_not_exists(#hold) AND available >= :q",
                    line.quantity(),
                    true);
            return OptionalInt.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
            if (old.containsKey(holdOf(order))) {
                return OptionalInt.empty(); // taken by an earlier attempt of this order
            }
            return OptionalInt.of(Math.max(0, InventoryRows.count(old, "available")));
        }
    }

    /** Gives the order's held units on the line back to available; nothing if it holds none. */
    void giveBack(OrderId order, ReservedLine line) {
        settle(order, line, GIVE_BACK);
    }

    /** Takes the order's held units on the line out of reserved for good; nothing if none. */
    void commit(OrderId order, ReservedLine line) {
        settle(order, line, COMMIT);
    }

    /**
     * Settles what the hold says: normally the line's quantity; should a hold differ (an
     * overlapping attempt of the same order that planned otherwise), its own units, so a row never
     * gives back more or less than it took.
     */
    private void settle(OrderId order, ReservedLine line, String update) {
        int units = line.quantity();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                write(order, line, update, "#hold = :q", units, false);
                return;
            } catch (ConditionalCheckFailedException e) {
                AttributeValue hold = e.hasItem() ? e.item().get(holdOf(order)) : null;
                if (hold == null) {
                    return; // settled before
                }
                units = Integer.parseInt(hold.n());
            }
        }
    }

    private void write(
            OrderId order,
            ReservedLine line,
            String update,
            String condition,
            int units,
            boolean needsZero) {
        Map<String, AttributeValue> values =
                needsZero
                        ? Map.of(":q", ShardWrites.number(units), ":zero", ShardWrites.number(0))
                        : Map.of(":q", ShardWrites.number(units));
        retry.run(
                "inventory table",
                () ->
                        dynamo.updateItem(
                                u ->
                                        u.tableName(table)
                                                .key(line.key())
                                                .updateExpression(update)
                                                .conditionExpression(condition)
                                                .expressionAttributeNames(
                                                        Map.of("#hold", holdOf(order)))
                                                .expressionAttributeValues(values)
                                                .returnValuesOnConditionCheckFailure(
                                                        ReturnValuesOnConditionCheckFailure
                                                                .ALL_OLD)));
    }
}
