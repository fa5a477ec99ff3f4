package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.ArchiveOrder;
import dev.orderflow.domain.order.ArchivedOrder;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.Retention;
import dev.orderflow.domain.order.Shipment;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The order archive through the real SDK against the project's DynamoDB engine. */
class DynamoOrderArchiveIT {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<OrderLine> LINES =
            List.of(new OrderLine(new Sku("MUG"), 2), new OrderLine(new Sku("TEA"), 1));

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private DynamoOrderArchive archive;
    private DynamoOrderRepository orders;

    @BeforeEach
    void tables() {
        archive = new DynamoOrderArchive(dynamo, LocalDynamo.createOrderArchiveTable());
        orders =
                new DynamoOrderRepository(
                        dynamo, LocalDynamo.createOrdersTable(), Retention.ofDays(365));
    }

    private static ArchivedOrder shipped(String customer, Instant placedAt) {
        Order placed =
                Order.place(
                        OrderId.random(),
                        customer,
                        LINES,
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                        Money.ofMinor(2899, "EUR"),
                        placedAt);
        Order shipped =
                placed.reserved(
                                new Allocation(
                                        List.of(
                                                new Shipment(
                                                        new CenterId("FC-MUC"),
                                                        List.of(LINES.get(0))),
                                                new Shipment(
                                                        new CenterId("FC-BER"),
                                                        List.of(LINES.get(1))))),
                                placedAt.plusSeconds(1))
                        .paid("pay-1", placedAt.plusSeconds(2))
                        .shipping(placedAt.plusSeconds(3))
                        .shipped(placedAt.plusSeconds(4));
        return ArchivedOrder.of(
                shipped,
                List.of(
                        new OrderEvent(1, OrderStatus.PENDING, placedAt, ""),
                        new OrderEvent(
                                5,
                                OrderStatus.SHIPPED,
                                placedAt.plusSeconds(4),
                                "FC-MUC: TRK-1, FC-BER: TRK-2")));
    }

    @Test
    void keepThenFind_roundTripsEveryField() {
        ArchivedOrder order = shipped("alice", T0);

        archive.keep(order);

        assertThat(archive.find("alice", order.id())).contains(order);
    }

    @Test
    void find_isPerCustomer() {
        ArchivedOrder order = shipped("alice", T0);
        archive.keep(order);

        assertThat(archive.find("mallory", order.id())).isEmpty();
        assertThat(archive.find("alice", OrderId.random())).isEmpty();
    }

    @Test
    void keep_again_replacesTheRecord_ratherThanAddingOne() {
        ArchivedOrder order = shipped("alice", T0);

        archive.keep(order);
        archive.keep(order);

        Page<ArchivedOrder> all =
                archive.ofCustomer("alice", Set.of(), new PageRequest(10, Cursor.first()));
        assertThat(all.items()).containsExactly(order);
    }

    @Test
    void ofCustomer_pagesNewestPlacedFirst_withinTheCustomersArchiveOnly() {
        List<OrderId> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ArchivedOrder order = shipped("alice", T0.plusSeconds(i * 60L));
            archive.keep(order);
            newestFirst.add(0, order.id());
        }
        archive.keep(shipped("bob", T0.plusSeconds(30)));

        List<OrderId> seen = new ArrayList<>();
        Optional<Cursor.After> next = Optional.empty();
        do {
            Cursor from = next.<Cursor>map(c -> c).orElse(Cursor.first());
            Page<ArchivedOrder> page =
                    archive.ofCustomer("alice", Set.of(), new PageRequest(2, from));
            page.items().forEach(o -> seen.add(o.id()));
            next = page.next();
        } while (next.isPresent());

        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void ofCustomer_filtersByStatus_andRefusesCursorsItDidNotIssue() {
        archive.keep(shipped("alice", T0));

        assertThat(
                        archive.ofCustomer(
                                        "alice",
                                        Set.of(OrderStatus.REJECTED),
                                        new PageRequest(10, Cursor.first()))
                                .items())
                .isEmpty();
        assertThatThrownBy(
                        () ->
                                archive.ofCustomer(
                                        "alice",
                                        Set.of(),
                                        new PageRequest(10, new Cursor.After("o1.abc"))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void archiveOrder_overTheRealStores_keepsTheTrail_andEmptiesTheCollection() {
        Order placed =
                Order.place(
                        OrderId.random(),
                        "alice",
                        LINES,
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                        Money.ofMinor(2899, "EUR"),
                        T0);
        orders.create(placed);
        Order rejected = placed.rejected("payment declined: card expired", T0.plusSeconds(5));
        orders.update(rejected);

        ArchivedOrder kept = new ArchiveOrder(orders, archive).archive(rejected);

        assertThat(archive.find("alice", placed.id())).contains(kept);
        assertThat(kept.trail())
                .extracting(OrderEvent::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.REJECTED);
        assertThat(orders.trail(placed.id())).isEmpty();
    }

    @Test
    void theArchivedItem_keepsNoAddressAndNoPaymentId() {
        ArchivedOrder order = shipped("alice", T0);

        Map<String, AttributeValue> item = DynamoOrderArchive.toItem(order);

        assertThat(item).doesNotContainKeys("address", "paymentId", "expiresAt");
    }
}
