package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CancelOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Caller ALICE = new Caller("alice", Set.of(), Set.of());
    private static final Caller BOB = new Caller("bob", Set.of(), Set.of());
    private static final Caller ADMIN = new Caller("ops", Set.of("orderflow/admin"), Set.of());

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final CancelOrder cancelOrder =
            new CancelOrder(orders, Clock.fixed(NOW, ZoneOffset.UTC), SampleOrders.HERE);

    private Order placed() {
        OrderLine line = new OrderLine(new Sku("MUG"), 1);
        Order order =
                Order.place(
                        OrderId.random(),
                        "alice",
                        List.of(line),
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                        Money.ofMinor(1250, "EUR"),
                        NOW);
        orders.create(order);
        return order;
    }

    private Order shipped() {
        Order order = placed();
        Allocation allocation =
                new Allocation(List.of(new Shipment(new CenterId("FC-MUC"), order.lines())));
        Order reserved = order.reserved(allocation, NOW);
        Order paid = reserved.paid("pay-1", NOW);
        Order shipping = paid.shipping(NOW);
        for (Order next : List.of(reserved, paid, shipping, shipping.shipped(NOW))) {
            assertThat(orders.update(next)).isTrue();
        }
        return orders.find(order.id()).orElseThrow();
    }

    @Test
    void cancel_ofAnOrderHomedInAnotherRegion_isRefused_namingItsHome_andWritesNothing() {
        Order order = SampleOrders.placeMugs(orders, 1, NOW, Optional.of(SampleOrders.ELSEWHERE));

        assertThatThrownBy(() -> cancelOrder.cancel(ALICE, order.id()))
                .isInstanceOfSatisfying(
                        HomedInAnotherRegion.class,
                        e -> {
                            assertThat(e.homeRegion()).isEqualTo("us-east-1");
                            assertThat(e.getMessage()).contains(order.id().value(), "us-east-1");
                        });
        assertThat(orders.find(order.id()).orElseThrow()).isEqualTo(order);
    }

    @Test
    void cancel_ofAnOrderHomedInAnotherRegion_isNotFound_forSomeoneElse() {
        Order order = SampleOrders.placeMugs(orders, 1, NOW, Optional.of(SampleOrders.ELSEWHERE));

        assertThatThrownBy(
                        () ->
                                cancelOrder.cancel(
                                        new Caller("mallory", Set.of(), Set.of()), order.id()))
                .isInstanceOf(OrderNotFound.class);
    }

    @Test
    void cancel_ofAnOrderHomedHere_proceeds() {
        Order order = SampleOrders.placeMugs(orders, 1, NOW, Optional.of(SampleOrders.HERE));

        assertThat(cancelOrder.cancel(ALICE, order.id()).status())
                .isEqualTo(OrderStatus.CANCELLING);
    }

    @Test
    void cancel_beforeShipment_marksCancelling_andRecordsWhoAsked() {
        Order order = placed();

        Order cancelling = cancelOrder.cancel(ALICE, order.id());

        assertThat(cancelling.status()).isEqualTo(OrderStatus.CANCELLING);
        assertThat(orders.find(order.id())).contains(cancelling);
        assertThat(orders.trail(order.id()).get(1).detail())
                .isEqualTo("cancellation requested by alice");
    }

    @Test
    void cancel_isIdempotent() {
        Order order = placed();

        Order first = cancelOrder.cancel(ALICE, order.id());
        Order again = cancelOrder.cancel(ALICE, order.id());

        assertThat(again).isEqualTo(first);
        assertThat(orders.trail(order.id())).hasSize(2);
    }

    @Test
    void cancel_afterShipment_isRefused() {
        Order order = shipped();

        assertThatThrownBy(() -> cancelOrder.cancel(ALICE, order.id()))
                .isInstanceOf(InvalidStateTransition.class)
                .hasMessageContaining("SHIPPED");
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void anotherCustomer_cannotCancel_andLearnsNothing_butAnAdminCan() {
        Order order = placed();

        assertThatThrownBy(() -> cancelOrder.cancel(BOB, order.id()))
                .isInstanceOf(OrderNotFound.class);
        assertThat(cancelOrder.cancel(ADMIN, order.id()).status())
                .isEqualTo(OrderStatus.CANCELLING);
    }

    @Test
    void cancel_readsAgain_whenTheSagaMovedTheOrderBetweenItsReadAndWrite() {
        Order order = placed();
        Allocation allocation =
                new Allocation(List.of(new Shipment(new CenterId("FC-MUC"), order.lines())));
        Runnable[] sagaWritesFirst = {() -> orders.update(order.reserved(allocation, NOW))};
        OrderRepository racing =
                new OrderRepository() {
                    @Override
                    public boolean create(Order o) {
                        return orders.create(o);
                    }

                    @Override
                    public java.util.Optional<Order> find(OrderId id) {
                        return orders.find(id);
                    }

                    @Override
                    public boolean update(Order o, String detail) {
                        sagaWritesFirst[0].run();
                        sagaWritesFirst[0] = () -> {};
                        return orders.update(o, detail);
                    }

                    @Override
                    public List<OrderEvent> trail(OrderId id) {
                        return orders.trail(id);
                    }

                    @Override
                    public dev.orderflow.domain.page.Page<Order> ofCustomer(
                            String customerId,
                            Set<OrderStatus> statuses,
                            dev.orderflow.domain.page.PageRequest page) {
                        return orders.ofCustomer(customerId, statuses, page);
                    }

                    @Override
                    public void removeCollection(OrderId id) {
                        orders.removeCollection(id);
                    }
                };

        Order cancelling =
                new CancelOrder(racing, Clock.fixed(NOW, ZoneOffset.UTC), SampleOrders.HERE)
                        .cancel(ALICE, order.id());

        assertThat(cancelling.status()).isEqualTo(OrderStatus.CANCELLING);
        assertThat(cancelling.version()).isEqualTo(3);
        assertThat(cancelling.allocation()).contains(allocation);
    }
}
