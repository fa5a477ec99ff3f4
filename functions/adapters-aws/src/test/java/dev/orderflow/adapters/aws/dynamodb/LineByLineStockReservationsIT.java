package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What only the reservation without transactions has to get right, on one engine: a later line that
 * falls short undoes the earlier ones, and an attempt that died between two lines is finished (or
 * released) by the next one without taking a unit twice or losing one.
 */
class LineByLineStockReservationsIT {

    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId BER = new CenterId("FC-BER");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private String inventory;
    private String orders;
    private LineByLineStockReservations reservations;

    @BeforeEach
    void tables() {
        inventory = LocalDynamo.createTable("inventory", "sku", "centerId");
        orders = LocalDynamo.createTable("orders", "pk", "sk");
        reservations = new LineByLineStockReservations(dynamo, inventory, orders);
    }

    @Test
    void aLaterLineWithoutStock_undoesTheLinesTakenBefore_andLeavesNoRecord() {
        stock("MUG", MUC, 5);
        stock("TEA", MUC, 1);
        OrderId order = OrderId.random();

        assertThatThrownBy(() -> reservations.reserve(order, mugAndTea(MUC, 2, 3)))
                .isInstanceOf(InsufficientStock.class)
                .satisfies(
                        e ->
                                assertThat(((InsufficientStock) e).shortfalls())
                                        .containsExactly(
                                                new InsufficientStock.Shortfall("TEA", 3, 1)));

        assertThat(row("MUG", MUC))
                .containsEntry("available", n(5))
                .containsEntry("reserved", n(0));
        assertThat(row("MUG", MUC).keySet()).noneMatch(a -> a.startsWith("hold:"));
        assertThat(row("TEA", MUC)).containsEntry("available", n(1));
        assertThat(record(order)).isEmpty();
    }

    @Test
    void aRetryAfterACrashBetweenLines_finishesTheFirstPlan_takingEachUnitOnce() {
        stock("MUG", MUC, 5);
        stock("TEA", MUC, 5);
        stock("MUG", BER, 5);
        stock("TEA", BER, 5);
        OrderId order = OrderId.random();
        Reservation first = mugAndTea(MUC, 2, 3);
        crashAfterFirstLine(order, first);
        assertThat(row("MUG", MUC)).containsEntry("available", n(3));

        // The saga's retry plans afresh (elsewhere, say) but the pending record wins.
        Allocation held = reservations.reserve(order, mugAndTea(BER, 2, 3));
        reservations.reserve(order, mugAndTea(BER, 2, 3));

        assertThat(held).isEqualTo(first.allocation());
        assertThat(row("MUG", MUC))
                .containsEntry("available", n(3))
                .containsEntry("reserved", n(2));
        assertThat(row("TEA", MUC))
                .containsEntry("available", n(2))
                .containsEntry("reserved", n(3));
        assertThat(row("MUG", BER)).containsEntry("available", n(5));
        assertThat(record(order)).doesNotContainKey("state");

        reservations.commit(order);
        assertThat(row("MUG", MUC))
                .containsEntry("available", n(3))
                .containsEntry("reserved", n(0));
        assertThat(row("TEA", MUC))
                .containsEntry("available", n(2))
                .containsEntry("reserved", n(0));
        assertThat(row("TEA", MUC).keySet()).noneMatch(a -> a.startsWith("hold:"));
    }

    @Test
    void aReleaseAfterACrashBetweenLines_givesBackWhatTheFirstHalfTook() {
        stock("MUG", MUC, 5);
        stock("TEA", MUC, 5);
        OrderId order = OrderId.random();
        crashAfterFirstLine(order, mugAndTea(MUC, 2, 3));

        reservations.release(order);
        reservations.release(order);

        assertThat(row("MUG", MUC))
                .containsEntry("available", n(5))
                .containsEntry("reserved", n(0));
        assertThat(row("TEA", MUC))
                .containsEntry("available", n(5))
                .containsEntry("reserved", n(0));
        assertThat(record(order)).isEmpty();
    }

    /** What a reserve that died after its first line left: the pending record and one hold. */
    private void crashAfterFirstLine(OrderId order, Reservation reservation) {
        List<ReservedLine> lines = reservation.units().stream().map(ReservedLine::of).toList();
        dynamo.putItem(p -> p.tableName(orders).item(ReservationRecords.item(order, lines, true)));
        new HeldLines(dynamo, inventory, new ReplicatedWriteRetry()).take(order, lines.get(0));
    }

    private static Reservation mugAndTea(CenterId center, int mugs, int teas) {
        return ShardZero.of(
                new Allocation(
                        List.of(
                                new Shipment(
                                        center,
                                        List.of(
                                                new OrderLine(new Sku("MUG"), mugs),
                                                new OrderLine(new Sku("TEA"), teas))))));
    }

    private void stock(String sku, CenterId center, int available) {
        dynamo.putItem(
                p ->
                        p.tableName(inventory)
                                .item(
                                        Map.of(
                                                "sku", AttributeValue.fromS(sku),
                                                "centerId", AttributeValue.fromS(center.value()),
                                                "available", n(available),
                                                "reserved", n(0))));
    }

    private Map<String, AttributeValue> row(String sku, CenterId center) {
        return dynamo.getItem(
                        g ->
                                g.tableName(inventory)
                                        .consistentRead(true)
                                        .key(InventoryLayout.key(sku, center.value(), 0)))
                .item();
    }

    private Map<String, AttributeValue> record(OrderId order) {
        return dynamo.getItem(
                        g ->
                                g.tableName(orders)
                                        .consistentRead(true)
                                        .key(ReservationRecords.key(order)))
                .item();
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
