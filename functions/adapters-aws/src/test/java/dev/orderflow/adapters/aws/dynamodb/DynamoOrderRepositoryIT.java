package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.IdempotencyStore;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.Retention;
import dev.orderflow.domain.order.Shipment;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.region.AwsRegion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The order repository and idempotency store through the real SDK against the project's engine. */
class DynamoOrderRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<OrderLine> LINES =
            List.of(new OrderLine(new Sku("MUG"), 2), new OrderLine(new Sku("TEA"), 1));
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private String ordersTable;
    private DynamoOrderRepository orders;

    @BeforeEach
    void table() {
        ordersTable = LocalDynamo.createOrdersTable();
        orders = new DynamoOrderRepository(dynamo, ordersTable, Retention.ofDays(365));
    }

    private static Order placed() {
        return Order.place(
                OrderId.random(), "alice", LINES, ADDRESS, Money.ofMinor(2899, "EUR"), T0);
    }

    @Test
    void homeRegion_isStoredOnTheOrderItem_andAnItemWithoutOneReadsAsHomeless() {
        Order homed =
                Order.place(
                        OrderId.random(),
                        "alice",
                        LINES,
                        ADDRESS,
                        Money.ofMinor(2899, "EUR"),
                        T0,
                        Optional.of(new AwsRegion("us-east-1")));
        Order legacy = placed();
        orders.create(homed);
        orders.create(legacy);

        assertThat(orderItem(homed.id()).get("homeRegion"))
                .isEqualTo(AttributeValue.fromS("us-east-1"));
        assertThat(orders.find(homed.id())).contains(homed);
        assertThat(orderItem(legacy.id())).doesNotContainKey("homeRegion");
        assertThat(orders.find(legacy.id()).orElseThrow().homeRegion()).isEmpty();
        Order cancelling = homed.cancelRequested(T0.plusSeconds(3));
        assertThat(orders.update(cancelling)).isTrue();
        assertThat(orders.find(homed.id()).orElseThrow().homeRegion())
                .contains(new AwsRegion("us-east-1"));
    }

    @Test
    void createThenFind_roundTripsEveryField_throughEveryState() {
        Order order = placed();
        assertThat(orders.create(order)).isTrue();
        assertThat(orders.find(order.id())).contains(order);

        Order reserved =
                order.reserved(
                        new Allocation(
                                List.of(
                                        new Shipment(new CenterId("FC-MUC"), List.of(LINES.get(0))),
                                        new Shipment(
                                                new CenterId("FC-BER"), List.of(LINES.get(1))))),
                        T0.plusSeconds(5));
        Order paid = reserved.paid("pay-42", T0.plusSeconds(9));
        assertThat(orders.update(reserved)).isTrue();
        assertThat(orders.update(paid)).isTrue();

        assertThat(orders.find(order.id())).contains(paid);
    }

    @Test
    void everyWrite_appendsItsEventToTheTrail_inOrder() {
        Order order = placed();
        orders.create(order);
        Order cancelling = order.cancelRequested(T0.plusSeconds(60));
        orders.update(cancelling, "cancellation requested by alice");
        orders.update(cancelling.cancelled(T0.plusSeconds(90)));

        assertThat(orders.trail(order.id()))
                .containsExactly(
                        new OrderEvent(1, OrderStatus.PENDING, T0, ""),
                        new OrderEvent(
                                2,
                                OrderStatus.CANCELLING,
                                T0.plusSeconds(60),
                                "cancellation requested by alice"),
                        new OrderEvent(
                                3,
                                OrderStatus.CANCELLED,
                                T0.plusSeconds(90),
                                "cancelled by the customer"));
        assertThat(orders.trail(OrderId.random())).isEmpty();
    }

    @Test
    void aStaleUpdate_isRefused_andAppendsNoEvent_butARetriedWriteIsIdempotent() {
        Order order = placed();
        orders.create(order);
        Order cancelling = order.cancelRequested(T0.plusSeconds(1));
        orders.update(cancelling);
        Order competing = order.rejected("out of stock", T0.plusSeconds(2));

        assertThat(orders.update(competing)).as("a competing version 2").isFalse();
        assertThat(orders.update(cancelling)).as("the same write, retried").isTrue();
        assertThat(orders.trail(order.id())).hasSize(2);
        assertThat(orders.find(order.id())).contains(cancelling);
    }

    @Test
    void update_keepsAttributesOthersWroteOnTheOrderItem() {
        Order order = placed();
        orders.create(order);
        // As the state machine's RecordExecution state does.
        dynamo.updateItem(
                u ->
                        u.tableName(ordersTable)
                                .key(OrderItem.key(order.id()))
                                .updateExpression("SET executionArn = :arn")
                                .expressionAttributeValues(
                                        Map.of(":arn", AttributeValue.fromS("arn:execution"))));

        orders.update(order.cancelRequested(T0.plusSeconds(1)));

        assertThat(
                        dynamo.getItem(g -> g.tableName(ordersTable).key(OrderItem.key(order.id())))
                                .item()
                                .get("executionArn")
                                .s())
                .isEqualTo("arn:execution");
        assertThat(orders.find(order.id()).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLING);
    }

    @Test
    void aFinishedOrder_carriesItsExpiry_inEpochSeconds_andAnUnfinishedOneNone() {
        DynamoOrderRepository finishing =
                new DynamoOrderRepository(dynamo, ordersTable, Retention.ofDays(30));
        Order order = placed();
        finishing.create(order);
        Order cancelling = order.cancelRequested(T0.plusSeconds(60));
        finishing.update(cancelling);
        assertThat(orderItem(order.id())).doesNotContainKey("expiresAt");

        Instant cancelledAt = T0.plusSeconds(90);
        finishing.update(cancelling.cancelled(cancelledAt));

        Map<String, AttributeValue> item = orderItem(order.id());
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(cancelledAt.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(finishing.find(order.id()).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aRepositoryWithoutRetention_refusesToStoreAFinishedOrder() {
        DynamoOrderRepository reader = new DynamoOrderRepository(dynamo, ordersTable);
        Order order = placed();
        reader.create(order);

        assertThatThrownBy(() -> reader.update(order.rejected("out of stock", T0.plusSeconds(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no retention");
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void removeCollection_removesTheTrailAndRecords_butNeverALiveOrderItem() {
        Order order = placed();
        orders.create(order);
        orders.update(order.cancelRequested(T0.plusSeconds(1)));
        dynamo.putItem(
                p ->
                        p.tableName(ordersTable)
                                .item(
                                        Map.of(
                                                "pk", AttributeValue.fromS("ORDER#" + order.id()),
                                                "sk", AttributeValue.fromS("RESERVATION"))));

        orders.removeCollection(order.id());
        orders.removeCollection(order.id());

        assertThat(orders.trail(order.id())).isEmpty();
        assertThat(
                        dynamo.query(
                                        q ->
                                                q.tableName(ordersTable)
                                                        .keyConditionExpression("pk = :pk")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":pk",
                                                                        AttributeValue.fromS(
                                                                                "ORDER#"
                                                                                        + order
                                                                                                .id()))))
                                .items())
                .extracting(i -> i.get("sk").s())
                .containsExactly("ORDER");
    }

    private Map<String, AttributeValue> orderItem(OrderId id) {
        return dynamo.getItem(g -> g.tableName(ordersTable).key(OrderItem.key(id))).item();
    }

    @Test
    void create_refusesAnIdThatExists() {
        Order order = placed();
        orders.create(order);

        assertThat(orders.create(order)).isFalse();
    }

    @Test
    void update_refusesAStaleVersion_soConcurrentWritersCannotLoseAChange() {
        Order order = placed();
        orders.create(order);
        Order cancelling = order.cancelRequested(T0.plusSeconds(1));
        Order reservedFromStaleRead =
                order.reserved(
                        new Allocation(List.of(new Shipment(new CenterId("FC-MUC"), LINES))),
                        T0.plusSeconds(2));

        assertThat(orders.update(cancelling)).isTrue();
        assertThat(orders.update(reservedFromStaleRead)).isFalse();
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(cancelling.status());
    }

    @Test
    void storedItem_carriesTheIndexKeys_withTheStatusShardInRange() {
        Order order = placed();
        orders.create(order);

        Map<String, AttributeValue> item =
                dynamo.getItem(
                                g ->
                                        g.tableName(ordersTable)
                                                .key(
                                                        Map.of(
                                                                "pk",
                                                                AttributeValue.fromS(
                                                                        "ORDER#" + order.id()),
                                                                "sk",
                                                                AttributeValue.fromS("ORDER"))))
                        .item();

        assertThat(item.get("gsi1pk").s()).isEqualTo("CUSTOMER#alice");
        assertThat(item.get("gsi1sk").s()).isEqualTo("2026-11-25T10:00:00Z#" + order.id());
        assertThat(item.get("gsi2pk").s()).matches("STATUS#PENDING#[0-7]");
    }

    private Order placedBy(String customer, int minutesAfterT0) {
        Order order =
                Order.place(
                        OrderId.random(),
                        customer,
                        LINES,
                        ADDRESS,
                        Money.ofMinor(100, "EUR"),
                        T0.plusSeconds(60L * minutesAfterT0));
        orders.create(order);
        return order;
    }

    @Test
    void ofCustomer_pagesNewestFirst_throughOnlyThatCustomersOrders() {
        List<Order> alices = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alices.add(placedBy("alice", i));
            placedBy("bob", i);
        }

        List<OrderId> seen = new java.util.ArrayList<>();
        dev.orderflow.domain.page.Cursor cursor = dev.orderflow.domain.page.Cursor.first();
        while (true) {
            var page =
                    orders.ofCustomer(
                            "alice",
                            java.util.Set.of(),
                            new dev.orderflow.domain.page.PageRequest(2, cursor));
            page.items().forEach(o -> seen.add(o.id()));
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next().get();
        }

        assertThat(seen)
                .containsExactly(
                        alices.get(4).id(),
                        alices.get(3).id(),
                        alices.get(2).id(),
                        alices.get(1).id(),
                        alices.get(0).id());
    }

    @Test
    void ofCustomer_keepsOnlyTheAskedStates() {
        Order pending = placedBy("alice", 1);
        Order cancelled = placedBy("alice", 2);
        orders.update(cancelled.cancelRequested(T0.plusSeconds(600)));

        var page =
                orders.ofCustomer(
                        "alice",
                        java.util.Set.of(dev.orderflow.domain.order.OrderStatus.PENDING),
                        new dev.orderflow.domain.page.PageRequest(
                                10, dev.orderflow.domain.page.Cursor.first()));

        assertThat(page.items()).extracting(Order::id).containsExactly(pending.id());
    }

    @Test
    void ofCustomer_refusesACursorIssuedForAnotherCustomer() {
        for (int i = 0; i < 3; i++) {
            placedBy("alice", i);
        }
        var alicesPage =
                orders.ofCustomer(
                        "alice",
                        java.util.Set.of(),
                        new dev.orderflow.domain.page.PageRequest(
                                1, dev.orderflow.domain.page.Cursor.first()));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                orders.ofCustomer(
                                        "mallory",
                                        java.util.Set.of(),
                                        new dev.orderflow.domain.page.PageRequest(
                                                1, alicesPage.next().orElseThrow())))
                .isInstanceOf(dev.orderflow.domain.error.InvalidInput.class);
    }

    @Test
    void idempotencyStore_returnsTheEarlierClaim_untilItExpires() {
        String table = LocalDynamo.createTable("idempotency", "id", null);
        var clock = new MutableClock(T0);
        var store = new DynamoIdempotencyStore(dynamo, table, clock, Duration.ofHours(24));
        OrderId first = OrderId.random();

        assertThat(store.claimOrGet(new IdempotencyStore.Claim("alice", "k", "fp-1", first)))
                .isEmpty();
        assertThat(
                        store.claimOrGet(
                                new IdempotencyStore.Claim("alice", "k", "fp-2", OrderId.random())))
                .hasValueSatisfying(
                        c -> {
                            assertThat(c.orderId()).isEqualTo(first);
                            assertThat(c.requestFingerprint()).isEqualTo("fp-1");
                        });
        assertThat(
                        store.claimOrGet(
                                new IdempotencyStore.Claim("bob", "k", "fp-3", OrderId.random())))
                .isEmpty();

        clock.now = T0.plus(Duration.ofHours(25));
        assertThat(
                        store.claimOrGet(
                                new IdempotencyStore.Claim("alice", "k", "fp-4", OrderId.random())))
                .isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
