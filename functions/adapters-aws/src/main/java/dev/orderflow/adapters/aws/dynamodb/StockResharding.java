package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.inventory.ShardBalance;
import dev.orderflow.domain.inventory.ShardMove;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Changes a product's shard count while it sells: first the settings (so new reservations spread
 * over the new count at once), then, center by center, moves of units from shards above their share
 * to shards below it, each move one transaction that takes only what the giving shard still holds.
 * A reservation that takes units meanwhile makes a move fail, never lose units: the spread is
 * planned again on a fresh read. Shard rows beyond a lowered count stay readable (the settings'
 * {@code span}) until they hold nothing, available or reserved.
 */
final class StockResharding {

    /** Reads and re-plans before giving up on a center whose units keep moving. */
    private static final int ROUNDS = 10;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ShardChanges changes;
    private final StockConsistency consistency;
    private final ReplicatedWriteRetry retry;

    StockResharding(
            DynamoDbClient dynamo,
            String table,
            ShardChanges changes,
            StockConsistency consistency,
            ReplicatedWriteRetry retry) {
        this.dynamo = dynamo;
        this.table = table;
        this.changes = changes;
        this.consistency = consistency;
        this.retry = retry;
    }

    void reshard(Sku sku, int shards) {
        ShardBalance.requireShardCount(shards);
        setCount(sku, shards);
        InventoryRows.ProductStock stock = InventoryRows.read(dynamo, table, sku);
        for (String center : stock.centers().keySet()) {
            spread(sku, center, shards);
        }
        narrowSpan(sku, shards);
    }

    /** Sets the count; the span grows to it and never shrinks here. */
    private void setCount(Sku sku, int shards) {
        for (int attempt = 0; attempt < ROUNDS; attempt++) {
            int[] settings = InventoryRows.settingsOf(dynamo, table, sku);
            int span = Math.max(settings[1], shards);
            try {
                retry.run(
                        "inventory table",
                        () ->
                                dynamo.updateItem(
                                        u ->
                                                u.tableName(table)
                                                        .key(
                                                                InventoryLayout.settingsKey(
                                                                        sku.value()))
                                                        .updateExpression(
                                                                "SET shards = :shards, span = :span")
                                                        .conditionExpression(
                                                                "attribute_not_exists(span) OR span <= :span")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":shards",
                                                                        ShardWrites.number(shards),
                                                                        ":span",
                                                                        ShardWrites.number(
                                                                                span)))));
                return;
            } catch (ConditionalCheckFailedException widened) {
                // another reshard widened the span meanwhile: read it again
            }
        }
        throw new DependencyUnavailable(
                "inventory table", new IllegalStateException("shard settings kept changing"));
    }

    private void spread(Sku sku, String center, int shards) {
        for (int round = 0; round < ROUNDS; round++) {
            List<InventoryRows.ShardRow> rows =
                    InventoryRows.read(dynamo, table, sku).centers().get(center);
            List<ShardMove> moves =
                    ShardBalance.moves(
                            rows.stream().map(InventoryRows.ShardRow::available).toList(), shards);
            if (moves.isEmpty() || applied(sku.value(), center, moves)) {
                return;
            }
        }
        throw new DependencyUnavailable(
                "inventory table",
                new IllegalStateException(
                        "units of " + sku + " at " + center + " kept moving while resharding"));
    }

    /** Applies the moves in order; false as soon as one finds its units gone. */
    private boolean applied(String sku, String center, List<ShardMove> moves) {
        for (ShardMove move : moves) {
            List<ShardChanges.Change> both =
                    List.of(
                            new ShardChanges.Change(sku, center, move.from(), -(long) move.units()),
                            new ShardChanges.Change(sku, center, move.to(), move.units()));
            if (changes.apply(both) != ShardChanges.Outcome.APPLIED) {
                return false; // reserved meanwhile, or a concurrent transaction: plan again
            }
        }
        return true;
    }

    /**
     * Lowers the span to the count when every shard row beyond it is empty, checked in the same
     * transaction, so no units or reservations are left where reads no longer look.
     */
    private void narrowSpan(Sku sku, int shards) {
        InventoryRows.ProductStock stock = InventoryRows.read(dynamo, table, sku);
        int span = stock.span();
        if (span <= shards) {
            return;
        }
        if (consistency == StockConsistency.STRONG) {
            narrowSpanWithoutTransaction(sku, shards, stock);
            return;
        }
        if ((span - shards) * stock.centers().size() + 1 > 100) {
            return;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(InventoryLayout.settingsKey(sku.value()))
                                                .updateExpression("SET span = :narrow")
                                                .conditionExpression(
                                                        "span = :span AND shards = :narrow")
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":span",
                                                                ShardWrites.number(span),
                                                                ":narrow",
                                                                ShardWrites.number(shards))))
                        .build());
        for (String center : stock.centers().keySet()) {
            for (int shard = shards; shard < span; shard++) {
                Map<String, AttributeValue> key = InventoryLayout.key(sku.value(), center, shard);
                items.add(
                        TransactWriteItem.builder()
                                .conditionCheck(
                                        c ->
                                                c.tableName(table)
                                                        .key(key)
                                                        .conditionExpression(
                                                                "attribute_not_exists(sku) OR"
                                                                        + " (available = :zero AND reserved = :zero)")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":zero",
                                                                        ShardWrites.number(0))))
                                .build());
            }
        }
        try {
            ShardWrites.transact(dynamo, items);
        } catch (TransactionCanceledException stillHeld) {
            // a retired shard still holds units or reservations: keep reading it
        }
    }

    /**
     * On an MRSC table: lowers the span only if the rows beyond the count, as just read (strongly
     * consistent), are empty. A reservation planned on the old count may still take from such a row
     * between the read and the write; its units are then reserved where reads no longer look, and
     * are still released or committed by key, so no unit is lost, only missing from the admin view
     * until settled.
     */
    private void narrowSpanWithoutTransaction(
            Sku sku, int shards, InventoryRows.ProductStock stock) {
        boolean empty =
                stock.centers().values().stream()
                        .flatMap(rows -> rows.stream().skip(shards))
                        .allMatch(row -> row.available() == 0 && row.reserved() == 0);
        if (!empty) {
            return; // a retired shard still holds units or reservations: keep reading it
        }
        try {
            retry.run(
                    "inventory table",
                    () ->
                            dynamo.updateItem(
                                    u ->
                                            u.tableName(table)
                                                    .key(InventoryLayout.settingsKey(sku.value()))
                                                    .updateExpression("SET span = :narrow")
                                                    .conditionExpression(
                                                            "span = :span AND shards = :narrow")
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":span",
                                                                    ShardWrites.number(
                                                                            stock.span()),
                                                                    ":narrow",
                                                                    ShardWrites.number(shards)))));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            // another reshard changed the settings: it narrows on its own terms
        }
    }
}
