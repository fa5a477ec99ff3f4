package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Units taken from and given to stock shard rows together (stock corrections, resharding moves),
 * each change conditional as {@link ShardWrites} states it: in one transaction, or, on an MRSC
 * table, which has none, one conditional write after the other, takes first, the ones applied
 * undone when a later one fails. The second way is all or nothing unless the function dies between
 * two writes: taken units are then missing until an adjustment puts them back (never created: a
 * take always comes before the give it pays for).
 */
final class ShardChanges {

    /** One row's change: units given (positive) or taken (negative). */
    record Change(String sku, String center, int shard, long units) {
        Change reversed() {
            return new Change(sku, center, shard, -units);
        }
    }

    /** What became of the changes. */
    enum Outcome {
        APPLIED,
        /** a row no longer held the units to take, or would overflow: nothing applied */
        CONDITION_FAILED,
        /** a concurrent transaction held a row: nothing applied, try again */
        CONFLICTED
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final StockConsistency consistency;
    private final ReplicatedWriteRetry retry;

    ShardChanges(
            DynamoDbClient dynamo,
            String table,
            StockConsistency consistency,
            ReplicatedWriteRetry retry) {
        this.dynamo = dynamo;
        this.table = table;
        this.consistency = consistency;
        this.retry = retry;
    }

    Outcome apply(List<Change> changes) {
        return switch (consistency) {
            case EVENTUAL -> inOneTransaction(changes);
            case STRONG -> oneByOne(changes);
        };
    }

    private Outcome inOneTransaction(List<Change> changes) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (Change c : changes) {
            items.add(
                    c.units() < 0
                            ? ShardWrites.take(table, c.sku(), c.center(), c.shard(), -c.units())
                            : ShardWrites.give(table, c.sku(), c.center(), c.shard(), c.units()));
        }
        try {
            ShardWrites.transact(dynamo, items);
            return Outcome.APPLIED;
        } catch (TransactionCanceledException e) {
            return ShardWrites.failedACondition(e.cancellationReasons())
                    ? Outcome.CONDITION_FAILED
                    : Outcome.CONFLICTED;
        }
    }

    private Outcome oneByOne(List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingLong(Change::units)); // takes (negative) first
        List<Change> applied = new ArrayList<>();
        try {
            for (Change change : ordered) {
                write(change);
                applied.add(change);
            }
            return Outcome.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            undo(applied);
            return Outcome.CONDITION_FAILED;
        } catch (DependencyUnavailable e) {
            undo(applied);
            throw e;
        }
    }

    /** Reverses the applied changes, last first; a give's reversal is a conditional take. */
    private void undo(List<Change> applied) {
        for (int i = applied.size() - 1; i >= 0; i--) {
            write(applied.get(i).reversed());
        }
    }

    private void write(Change c) {
        boolean take = c.units() < 0;
        long units = Math.abs(c.units());
        retry.run(
                "inventory table",
                () ->
                        dynamo.updateItem(
                                u ->
                                        u.tableName(table)
                                                .key(
                                                        InventoryLayout.key(
                                                                c.sku(), c.center(), c.shard()))
                                                .updateExpression(
                                                        take ? ShardWrites.TAKE : ShardWrites.GIVE)
                                                .conditionExpression(
                                                        take
                                                                ? "available >= :u"
                                                                : "attribute_not_exists(available) OR available <= :ceiling")
                                                .expressionAttributeValues(
                                                        take
                                                                ? Map.of(
                                                                        ":u",
                                                                        ShardWrites.number(units))
                                                                : Map.of(
                                                                        ":u",
                                                                        ShardWrites.number(units),
                                                                        ":zero",
                                                                        ShardWrites.number(0),
                                                                        ":ceiling",
                                                                        ShardWrites.number(
                                                                                Integer.MAX_VALUE
                                                                                        - units)))));
    }
}
