package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.inventory.ReservedUnits;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Reservations without transactions, for an inventory table that is a multi-Region strongly
 * consistent (MRSC) global table, which rejects TransactWriteItems ({@code
 * STOCK_CONSISTENCY=strong}; see the adapters' README, "Strong stock"). An order's reservation is,
 * in this order:
 *
 * <ol>
 *   <li>its reservation record in the orders table, written first with {@code state = PENDING} and
 *       the lines it is about to take (merged per shard row, in key order), only if it has none;
 *   <li>one conditional {@code UpdateItem} per line ({@link HeldLines}), each leaving the order's
 *       hold on the row, so a repeat takes nothing twice;
 *   <li>the record's {@code state} removed: the reservation is complete, as a transactional one.
 * </ol>
 *
 * A line without the stock undoes the lines taken (each conditional on the order's hold) and
 * removes the record. A retry after a crash finds the pending record and carries on with its lines,
 * not with a new plan, so what was taken is never lost; release and commit settle exactly the units
 * each row holds for the order. Writes that meet a write from another region are retried ({@link
 * ReplicatedWriteRetry}).
 */
public final class LineByLineStockReservations implements StockReservations {

    private final DynamoDbClient dynamo;
    private final String inventoryTable;
    private final ReservationRecords records;
    private final ReplicatedWriteRetry retry = new ReplicatedWriteRetry();
    private final HeldLines held;

    public LineByLineStockReservations(
            DynamoDbClient dynamo, String inventoryTable, String ordersTable) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.inventoryTable = Objects.requireNonNull(inventoryTable, "inventoryTable");
        this.records =
                new ReservationRecords(dynamo, Objects.requireNonNull(ordersTable, "ordersTable"));
        this.held = new HeldLines(dynamo, inventoryTable, retry);
    }

    @Override
    public Allocation reserve(OrderId order, Reservation reservation) {
        List<ReservedLine> lines = linesOf(reservation);
        Allocation allocation = reservation.allocation();
        Optional<ReservationRecords.Recorded> recorded = records.read(order);
        if (recorded.isEmpty() && !startRecord(order, lines)) {
            recorded = records.read(order); // an overlapping attempt started one just now
        }
        if (recorded.isPresent()) {
            // A retried or overlapping attempt: what holds is the record, never a new plan.
            lines = recorded.get().lines();
            allocation = ReservedLine.allocationOf(lines);
            if (!recorded.get().pending()) {
                return allocation;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            OptionalInt available = held.take(order, lines.get(i));
            if (available.isPresent()) {
                List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
                ReservedLine line = lines.get(i);
                shortfalls.add(
                        new InsufficientStock.Shortfall(
                                line.sku(), line.quantity(), available.getAsInt()));
                shortfalls.addAll(shortfallsOf(lines.subList(i + 1, lines.size())));
                undo(order, lines);
                throw new InsufficientStock(shortfalls);
            }
        }
        return complete(order, lines, allocation);
    }

    @Override
    public void release(OrderId order) {
        records.read(order)
                .ifPresent(
                        recorded -> {
                            recorded.lines().forEach(line -> held.giveBack(order, line));
                            deleteRecord(order, false);
                        });
    }

    @Override
    public void commit(OrderId order) {
        // The units left the building: they stop being reserved and never become available.
        records.read(order)
                .ifPresent(
                        recorded -> {
                            recorded.lines().forEach(line -> held.commit(order, line));
                            deleteRecord(order, false);
                        });
    }

    /** How many writes met a write to the same item from another region (each was retried). */
    public long replicatedWriteConflicts() {
        return retry.conflicts();
    }

    /** One line per shard row (an order's units on one row are one hold), in key order. */
    private static List<ReservedLine> linesOf(Reservation reservation) {
        Map<String, ReservedLine> byRow = new TreeMap<>();
        for (ReservedUnits units : reservation.units()) {
            ReservedLine line = ReservedLine.of(units);
            byRow.merge(
                    InventoryLayout.partition(line.sku(), line.shard()) + "|" + line.centerId(),
                    line,
                    (a, b) ->
                            new ReservedLine(
                                    a.sku(), a.centerId(), a.shard(), a.quantity() + b.quantity()));
        }
        List<ReservedLine> lines = new ArrayList<>(byRow.values());
        lines.sort(
                Comparator.comparing(
                        l -> InventoryLayout.partition(l.sku(), l.shard()) + "|" + l.centerId()));
        return lines;
    }

    /** Writes the pending record; false if the order has a record already. */
    private boolean startRecord(OrderId order, List<ReservedLine> lines) {
        try {
            DynamoErrors.translate(
                    "orders table",
                    () ->
                            dynamo.putItem(
                                    p ->
                                            p.tableName(records.table())
                                                    .item(
                                                            ReservationRecords.item(
                                                                    order, lines, true))
                                                    .conditionExpression(
                                                            "attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Marks the record complete; if a release removed it meanwhile, gives the lines back. */
    private Allocation complete(OrderId order, List<ReservedLine> lines, Allocation allocation) {
        try {
            DynamoErrors.translate(
                    "orders table",
                    () ->
                            dynamo.updateItem(
                                    u ->
                                            u.tableName(records.table())
                                                    .key(ReservationRecords.key(order))
                                                    .updateExpression("REMOVE #state")
                                                    .conditionExpression("#state = :pending")
                                                    .expressionAttributeNames(
                                                            Map.of("#state", "state"))
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":pending",
                                                                    AttributeValue.fromS(
                                                                            ReservationRecords
                                                                                    .PENDING)))));
            return allocation;
        } catch (ConditionalCheckFailedException e) {
            Optional<ReservationRecords.Recorded> now = records.read(order);
            if (now.isPresent() && !now.get().pending()) {
                return ReservedLine.allocationOf(now.get().lines()); // an overlapping attempt did
            }
            undo(order, lines);
            throw new DependencyUnavailable(
                    "orders table",
                    new IllegalStateException(
                            "the reservation of " + order + " was released while being taken"));
        }
    }

    /** Gives back every line the order holds and removes its pending record. */
    private void undo(OrderId order, List<ReservedLine> lines) {
        lines.forEach(line -> held.giveBack(order, line));
        deleteRecord(order, true);
    }

    /** Removes the record; a pending one only while it is still pending. */
    private void deleteRecord(OrderId order, boolean onlyPending) {
        try {
            DynamoErrors.translate(
                    "orders table",
                    () ->
                            dynamo.deleteItem(
                                    d -> {
                                        d.tableName(records.table())
                                                .key(ReservationRecords.key(order));
                                        if (onlyPending) {
                                            d.conditionExpression("#state = :pending")
                                                    .expressionAttributeNames(
                                                            Map.of("#state", "state"))
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":pending",
                                                                    AttributeValue.fromS(
                                                                            ReservationRecords
                                                                                    .PENDING)));
                                        }
                                    }));
        } catch (ConditionalCheckFailedException completedMeanwhile) {
            // an overlapping attempt completed it; its holds are its own business
        }
    }

    /** The lines after a short one that fall short too, read (consistently) to name them all. */
    private List<InsufficientStock.Shortfall> shortfallsOf(List<ReservedLine> rest) {
        List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
        for (ReservedLine line : rest) {
            Map<String, AttributeValue> row =
                    DynamoErrors.translate(
                                    "inventory table",
                                    () ->
                                            dynamo.getItem(
                                                    g ->
                                                            g.tableName(inventoryTable)
                                                                    .key(line.key())
                                                                    .consistentRead(true)))
                            .item();
            int available = row == null ? 0 : Math.max(0, InventoryRows.count(row, "available"));
            if (available < line.quantity()) {
                shortfalls.add(
                        new InsufficientStock.Shortfall(line.sku(), line.quantity(), available));
            }
        }
        return shortfalls;
    }
}
