package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.inventory.ShardBalance;
import dev.orderflow.domain.inventory.ShardPicker;
import dev.orderflow.domain.inventory.ShardTake;
import dev.orderflow.domain.inventory.StockLedger;
import dev.orderflow.domain.inventory.StockPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Stock corrections on the inventory table, in the {@link InventoryLayout}. For a product that is
 * not sharded an adjustment is one {@code UpdateItem ADD available :delta}: DynamoDB applies it
 * atomically to whatever the row holds at that moment, so it composes with the saga's concurrent
 * conditional reservations instead of overwriting them. A removal carries the condition {@code
 * available >= -delta}, so the row never goes negative; an addition one that keeps the count within
 * 32 bits. For a sharded product an addition is spread over its shards and a removal taken from the
 * shards that hold units, each as one transaction of such conditional updates, or, on an MRSC table
 * ({@link StockConsistency#STRONG}), as such updates one after the other ({@link ShardChanges}).
 */
public final class DynamoStockLedger implements StockLedger {

    /** Reads and retries of a removal whose units reservations took meanwhile. */
    private static final int REMOVAL_ROUNDS = 5;

    private final DynamoDbClient dynamo;
    private final String inventoryTable;
    private final ReplicatedWriteRetry retry = new ReplicatedWriteRetry();
    private final ShardChanges changes;
    private final StockResharding resharding;

    public DynamoStockLedger(DynamoDbClient dynamo, String inventoryTable) {
        this(dynamo, inventoryTable, StockConsistency.EVENTUAL);
    }

    /**
     * @param consistency {@link StockConsistency#STRONG} for an MRSC table: a sharded product's
     *     rows change one conditional write after the other (see {@link ShardChanges})
     */
    public DynamoStockLedger(
            DynamoDbClient dynamo, String inventoryTable, StockConsistency consistency) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.inventoryTable = Objects.requireNonNull(inventoryTable, "inventoryTable");
        this.changes =
                new ShardChanges(
                        dynamo,
                        inventoryTable,
                        Objects.requireNonNull(consistency, "consistency"),
                        retry);
        this.resharding = new StockResharding(dynamo, inventoryTable, changes, consistency, retry);
    }

    @Override
    public List<StockPosition> positionsOf(Sku sku) {
        List<StockPosition> positions = new ArrayList<>();
        InventoryRows.read(dynamo, inventoryTable, sku)
                .centers()
                .forEach((center, shards) -> positions.add(sum(sku, center, shards)));
        return positions;
    }

    @Override
    public int shardCount(Sku sku) {
        return InventoryRows.settingsOf(dynamo, inventoryTable, sku)[0];
    }

    @Override
    public List<StockPosition> reshard(Sku sku, int shards) {
        resharding.reshard(sku, shards);
        return positionsOf(sku);
    }

    @Override
    public StockPosition adjust(Sku sku, CenterId center, int delta) {
        int[] settings = InventoryRows.settingsOf(dynamo, inventoryTable, sku);
        if (settings[1] == 1) {
            return adjustRow(sku, center, delta);
        }
        if (delta > 0) {
            add(sku, center, delta, settings[0]);
        } else {
            remove(sku, center, -delta);
        }
        return positionsOf(sku).stream()
                .filter(p -> p.center().equals(center))
                .findFirst()
                .orElseThrow();
    }

    /** Spreads the units over the shards in use, shard 0 always written so the center is listed. */
    private void add(Sku sku, CenterId center, int units, int shards) {
        List<Integer> spread = ShardBalance.spread(units, shards);
        List<ShardChanges.Change> gives = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            if (shard == 0 || spread.get(shard) > 0) {
                gives.add(
                        new ShardChanges.Change(
                                sku.value(), center.value(), shard, spread.get(shard)));
            }
        }
        switch (changes.apply(gives)) {
            case APPLIED -> {}
            case CONDITION_FAILED ->
                    throw InvalidInput.of(
                            "delta", "would take the stock beyond " + Integer.MAX_VALUE + " units");
            case CONFLICTED ->
                    throw new DependencyUnavailable(
                            "inventory table",
                            new IllegalStateException("a concurrent transaction held a shard row"));
        }
    }

    /** Takes the units from the shards that hold them, reading again if reservations took some. */
    private void remove(Sku sku, CenterId center, int units) {
        for (int round = 0; round < REMOVAL_ROUNDS; round++) {
            List<Integer> shards =
                    InventoryRows.read(dynamo, inventoryTable, sku)
                            .centers()
                            .getOrDefault(center.value(), List.of())
                            .stream()
                            .map(InventoryRows.ShardRow::available)
                            .toList();
            List<ShardTake> takes =
                    shards.isEmpty() ? List.of() : ShardPicker.take(shards, units, 0);
            if (takes.isEmpty()) {
                int held = shards.stream().mapToInt(Integer::intValue).sum();
                throw new InsufficientStock(
                        List.of(new InsufficientStock.Shortfall(sku.value(), units, held)));
            }
            List<ShardChanges.Change> changed =
                    takes.stream()
                            .map(
                                    t ->
                                            new ShardChanges.Change(
                                                    sku.value(),
                                                    center.value(),
                                                    t.shard(),
                                                    -(long) t.units()))
                            .toList();
            if (changes.apply(changed) == ShardChanges.Outcome.APPLIED) {
                return;
            }
            // a reservation took some of these units: look again
        }
        throw new DependencyUnavailable(
                "inventory table",
                new IllegalStateException("reservations kept taking the units being removed"));
    }

    private static StockPosition sum(Sku sku, String center, List<InventoryRows.ShardRow> shards) {
        long available = 0;
        long reserved = 0;
        for (InventoryRows.ShardRow shard : shards) {
            available += shard.available();
            reserved += shard.reserved();
        }
        return new StockPosition(
                sku,
                new CenterId(center),
                (int) Math.min(Integer.MAX_VALUE, available),
                (int) Math.min(Integer.MAX_VALUE, reserved));
    }

    /** One row's adjustment: the product is not sharded. */
    private StockPosition adjustRow(Sku sku, CenterId center, int delta) {
        UpdateItemRequest.Builder update =
                UpdateItemRequest.builder()
                        .tableName(inventoryTable)
                        .key(
                                Map.of(
                                        "sku", AttributeValue.fromS(sku.value()),
                                        "centerId", AttributeValue.fromS(center.value())))
                        .updateExpression(
                                "ADD available :delta SET reserved = if_not_exists(reserved, :zero)")
                        .returnValues(ReturnValue.ALL_NEW);
        if (delta < 0) {
            update.conditionExpression("available >= :removed")
                    .expressionAttributeValues(
                            Map.of(
                                    ":delta", ShardWrites.number(delta),
                                    ":zero", ShardWrites.number(0),
                                    ":removed", ShardWrites.number(-(long) delta)));
        } else {
            // Adding cannot make the row negative; the bound keeps it a 32-bit count.
            update.conditionExpression("attribute_not_exists(available) OR available <= :ceiling")
                    .expressionAttributeValues(
                            Map.of(
                                    ":delta", ShardWrites.number(delta),
                                    ":zero", ShardWrites.number(0),
                                    ":ceiling",
                                            ShardWrites.number((long) Integer.MAX_VALUE - delta)));
        }
        update.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        UpdateItemRequest request = update.build();
        try {
            UpdateItemResponse response =
                    retry.run("inventory table", () -> dynamo.updateItem(request));
            return position(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            int available =
                    e.hasItem() && e.item().get("available") != null
                            ? Math.max(0, Integer.parseInt(e.item().get("available").n()))
                            : 0;
            if (delta > 0) {
                throw InvalidInput.of(
                        "delta", "would take the stock beyond " + Integer.MAX_VALUE + " units");
            }
            throw new InsufficientStock(
                    List.of(new InsufficientStock.Shortfall(sku.value(), -delta, available)));
        } catch (TransactionConflictException e) {
            // The row is in a reservation transaction right now; nothing was applied: retryable.
            throw new DependencyUnavailable("inventory table", e);
        }
    }

    private static StockPosition position(Map<String, AttributeValue> item) {
        return new StockPosition(
                new Sku(item.get("sku").s()),
                new CenterId(item.get("centerId").s()),
                Math.max(0, InventoryRows.count(item, "available")),
                Math.max(0, InventoryRows.count(item, "reserved")));
    }
}
