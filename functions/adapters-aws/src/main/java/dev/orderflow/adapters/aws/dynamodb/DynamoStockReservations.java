package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.inventory.ReservedUnits;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reservations as one DynamoDB transaction per order: every stock shard row it takes from (see
 * {@link InventoryLayout}) is decremented only if it still holds enough ({@code available >=
 * :qty}), and a reservation record in the order's item collection ({@code pk = ORDER#id, sk =
 * RESERVATION}) is written only if absent. The record makes reserve, release and commit idempotent
 * and tells them exactly which units they settle.
 */
public final class DynamoStockReservations implements StockReservations {

    /** DynamoDB's limit on the items of one transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    private static final String RESERVATION = "RESERVATION";

    private final DynamoDbClient dynamo;
    private final String inventoryTable;
    private final String ordersTable;

    public DynamoStockReservations(
            DynamoDbClient dynamo, String inventoryTable, String ordersTable) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.inventoryTable = Objects.requireNonNull(inventoryTable, "inventoryTable");
        this.ordersTable = Objects.requireNonNull(ordersTable, "ordersTable");
    }

    @Override
    public Allocation reserve(OrderId order, Reservation reservation) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<AttributeValue> recorded = new ArrayList<>();
        List<Reserved> lines = new ArrayList<>();
        for (ReservedUnits units : reservation.units()) {
            lines.add(
                    new Reserved(
                            units.sku().value(),
                            units.center().value(),
                            units.shard(),
                            units.units()));
        }
        for (Reserved line : lines) {
            recorded.add(line.toAttribute());
        }
        if (lines.size() + 1 > MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException(
                    "an allocation of " + lines.size() + " lines exceeds one DynamoDB transaction");
        }
        items.add(
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(ordersTable)
                                                .item(reservationRecord(order, recorded))
                                                .conditionExpression("attribute_not_exists(pk)"))
                        .build());
        for (Reserved line : lines) {
            items.add(
                    TransactWriteItem.builder()
                            .update(
                                    u ->
                                            u.tableName(inventoryTable)
                                                    .key(line.key())
                                                    .updateExpression(
                                                            "SET available = available - :q,"
                                                                    + " reserved = if_not_exists(reserved, :zero) + :q")
                                                    .conditionExpression("available >= :q")
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":q",
                                                                            AttributeValue.fromN(
                                                                                    Integer
                                                                                            .toString(
                                                                                                    line
                                                                                                            .quantity())),
                                                                    ":zero",
                                                                            AttributeValue.fromN(
                                                                                    "0")))
                                                    .returnValuesOnConditionCheckFailure(
                                                            ReturnValuesOnConditionCheckFailure
                                                                    .ALL_OLD))
                            .build());
        }
        try {
            // The token names the allocation too (the lines as records print them, the same in
            // every JVM): a retry of this very call is deduplicated, while an overlapping step
            // that allocated differently meets the record's condition.
            transact(items, "reserve:" + lines, order);
            return reservation.allocation();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failedCondition(reasons, 0)) {
                // Reserved already (a retried or overlapping step): what holds is the record.
                return recordedLines(order)
                        .map(DynamoStockReservations::allocationOf)
                        .orElse(reservation.allocation());
            }
            List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (failedCondition(reasons, i + 1)) {
                    Reserved line = lines.get(i);
                    shortfalls.add(
                            new InsufficientStock.Shortfall(
                                    line.sku(), line.quantity(), availableIn(reasons.get(i + 1))));
                }
            }
            if (!shortfalls.isEmpty()) {
                throw new InsufficientStock(shortfalls);
            }
            // TransactionConflict or throttling on some item: transient, the saga retries.
            throw new DependencyUnavailable("inventory table", e);
        }
    }

    @Override
    public void release(OrderId order) {
        settle(order, "release", "SET available = available + :q, reserved = reserved - :q");
    }

    @Override
    public void commit(OrderId order) {
        // The units left the building: they stop being reserved and never become available.
        settle(order, "commit", "SET reserved = reserved - :q");
    }

    /**
     * Ends the order's reservation: deletes its record and applies {@code lineUpdate} to every
     * reserved line, in one transaction. Nothing to do if the record is gone (settled before).
     */
    private void settle(OrderId order, String operation, String lineUpdate) {
        Optional<List<Reserved>> lines = recordedLines(order);
        if (lines.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> recordKey = reservationKey(order);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(
                TransactWriteItem.builder()
                        .delete(
                                d ->
                                        d.tableName(ordersTable)
                                                .key(recordKey)
                                                .conditionExpression("attribute_exists(pk)"))
                        .build());
        for (Reserved line : lines.get()) {
            items.add(
                    TransactWriteItem.builder()
                            .update(
                                    u ->
                                            u.tableName(inventoryTable)
                                                    .key(line.key())
                                                    .updateExpression(lineUpdate)
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":q",
                                                                    AttributeValue.fromN(
                                                                            Integer.toString(
                                                                                    line
                                                                                            .quantity())))))
                            .build());
        }
        try {
            transact(items, operation, order);
        } catch (TransactionCanceledException e) {
            if (failedCondition(e.cancellationReasons(), 0)) {
                return; // settled concurrently
            }
            throw new DependencyUnavailable("inventory table", e);
        }
    }

    /** The lines of the order's reservation record (consistent read); empty when it has none. */
    private Optional<List<Reserved>> recordedLines(OrderId order) {
        GetItemResponse record =
                DynamoErrors.translate(
                        "orders table",
                        () ->
                                dynamo.getItem(
                                        g ->
                                                g.tableName(ordersTable)
                                                        .key(reservationKey(order))
                                                        .consistentRead(true)));
        if (!record.hasItem() || record.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                record.item().get("lines").l().stream().map(Reserved::fromAttribute).toList());
    }

    /** The reserved lines as an allocation: one shipment per center, in the record's order. */
    private static Allocation allocationOf(List<Reserved> lines) {
        return Reservation.of(
                        lines.stream()
                                .map(
                                        line ->
                                                new ReservedUnits(
                                                        new Sku(line.sku()),
                                                        new CenterId(line.centerId()),
                                                        line.shard(),
                                                        line.quantity()))
                                .toList())
                .allocation();
    }

    /** The key of an order's reservation record, in the order's item collection. */
    private static Map<String, AttributeValue> reservationKey(OrderId order) {
        return Map.of(
                "pk",
                AttributeValue.fromS(OrderKeys.pk(order)),
                "sk",
                AttributeValue.fromS(RESERVATION));
    }

    private static Map<String, AttributeValue> reservationRecord(
            OrderId order, List<AttributeValue> lines) {
        Map<String, AttributeValue> record = new HashMap<>(reservationKey(order));
        record.put("lines", AttributeValue.fromL(lines));
        return record;
    }

    /** Runs one transaction, tokened so that DynamoDB dedupes a retried call. */
    private void transact(List<TransactWriteItem> items, String operation, OrderId order) {
        DynamoErrors.translate(
                "inventory table",
                () ->
                        dynamo.transactWriteItems(
                                t ->
                                        t.transactItems(items)
                                                .clientRequestToken(token(operation, order))));
    }

    /**
     * Same operation on the same order: same token, so DynamoDB dedupes a retried call (10 min).
     */
    private static String token(String operation, OrderId order) {
        return UUID.nameUUIDFromBytes(
                        (operation + ":" + order.value()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static int availableIn(CancellationReason reason) {
        if (!reason.hasItem() || reason.item().get("available") == null) {
            return 0;
        }
        return Math.max(0, Integer.parseInt(reason.item().get("available").n()));
    }

    /**
     * One reserved line: what the reservation record stores and release gives back. The record
     * names the shard only when it is not 0, so records written before stock was sharded read as
     * shard 0, which is where their units are.
     */
    private record Reserved(String sku, String centerId, int shard, int quantity) {
        Map<String, AttributeValue> key() {
            return InventoryLayout.key(sku, centerId, shard);
        }

        AttributeValue toAttribute() {
            Map<String, AttributeValue> line = new HashMap<>();
            line.put("sku", AttributeValue.fromS(sku));
            line.put("centerId", AttributeValue.fromS(centerId));
            line.put("quantity", AttributeValue.fromN(Integer.toString(quantity)));
            if (shard != 0) {
                line.put("shard", AttributeValue.fromN(Integer.toString(shard)));
            }
            return AttributeValue.fromM(line);
        }

        static Reserved fromAttribute(AttributeValue value) {
            Map<String, AttributeValue> m = value.m();
            return new Reserved(
                    m.get("sku").s(),
                    m.get("centerId").s(),
                    InventoryRows.count(m, "shard"),
                    Integer.parseInt(m.get("quantity").n()));
        }
    }
}
