package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.inventory.ReservedUnits;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
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

    private final DynamoDbClient dynamo;
    private final String inventoryTable;
    private final String ordersTable;
    private final ReservationRecords records;

    public DynamoStockReservations(
            DynamoDbClient dynamo, String inventoryTable, String ordersTable) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.inventoryTable = Objects.requireNonNull(inventoryTable, "inventoryTable");
        this.ordersTable = Objects.requireNonNull(ordersTable, "ordersTable");
        this.records = new ReservationRecords(dynamo, ordersTable);
    }

    @Override
    public Allocation reserve(OrderId order, Reservation reservation) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<ReservedLine> lines = new ArrayList<>();
        for (ReservedUnits units : reservation.units()) {
            lines.add(ReservedLine.of(units));
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
                                                .item(ReservationRecords.item(order, lines, false))
                                                .conditionExpression("attribute_not_exists(pk)"))
                        .build());
        for (ReservedLine line : lines) {
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
                return records.read(order)
                        .map(r -> ReservedLine.allocationOf(r.lines()))
                        .orElse(reservation.allocation());
            }
            List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (failedCondition(reasons, i + 1)) {
                    ReservedLine line = lines.get(i);
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
        Optional<List<ReservedLine>> lines =
                records.read(order).map(ReservationRecords.Recorded::lines);
        if (lines.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> recordKey = ReservationRecords.key(order);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(
                TransactWriteItem.builder()
                        .delete(
                                d ->
                                        d.tableName(ordersTable)
                                                .key(recordKey)
                                                .conditionExpression("attribute_exists(pk)"))
                        .build());
        for (ReservedLine line : lines.get()) {
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
}
