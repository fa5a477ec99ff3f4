package dev.orderflow.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.identity.Caller;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<OrderLine> LINES = List.of(new OrderLine(new Sku("MUG"), 2));
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1");
    private static final Allocation ALLOCATION =
            new Allocation(List.of(new Shipment(new CenterId("FC-MUC"), LINES)));

    private static Order placed() {
        return Order.place(
                OrderId.random(), "alice", LINES, ADDRESS, Money.ofMinor(2500, "EUR"), T0);
    }

    @Test
    void happyPath_movesForwardOneVersionPerChange_andEndsShipped() {
        Order order =
                placed().reserved(ALLOCATION, T0.plusSeconds(1))
                        .paid("pay-1", T0.plusSeconds(2))
                        .shipping(T0.plusSeconds(3))
                        .shipped(T0.plusSeconds(4));

        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.status().isTerminal()).isTrue();
        assertThat(order.version()).isEqualTo(5);
        assertThat(order.allocation()).contains(ALLOCATION);
        assertThat(order.paymentId()).contains("pay-1");
        assertThat(order.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(order.createdAt()).isEqualTo(T0);
    }

    @Test
    void cancel_isRefusedOnceShipped() {
        Order shipped = placed().reserved(ALLOCATION, T0).paid("p", T0).shipping(T0).shipped(T0);

        assertThatThrownBy(() -> shipped.cancelRequested(T0))
                .isInstanceOf(InvalidStateTransition.class)
                .hasMessageEndingWith("is SHIPPED and cannot become CANCELLING");
    }

    @Test
    void cancel_beforeShipment_goesThroughCancellingToCancelled_withTheReason() {
        Order cancelled = placed().reserved(ALLOCATION, T0).cancelRequested(T0).cancelled(T0);

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("cancelled by the customer");
    }

    @Test
    void rejected_recordsWhy() {
        Order rejected = placed().rejected("payment declined", T0);

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("payment declined");
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void everyNonTerminalState_canReachATerminalState_andTerminalStatesGoNowhere(
            OrderStatus status) {
        if (status.isTerminal()) {
            assertThat(status.next()).isEmpty();
            return;
        }
        Set<OrderStatus> reached = EnumSet.of(status);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (OrderStatus s : EnumSet.copyOf(reached)) {
                grew |= reached.addAll(s.next());
            }
        }
        assertThat(reached).anyMatch(OrderStatus::isTerminal);
    }

    @Test
    void cancellable_meansBeforeTheGoodsLeft() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isCancellable))
                .containsExactlyInAnyOrder(
                        OrderStatus.PENDING,
                        OrderStatus.RESERVED,
                        OrderStatus.PAID,
                        OrderStatus.SHIPPING);
    }

    @Test
    void visibility_isTheOwnerOrAnAdmin_only() {
        Order order = placed();

        assertThat(order.isVisibleTo(new Caller("alice", Set.of(), Set.of()))).isTrue();
        assertThat(order.isVisibleTo(new Caller("mallory", Set.of(), Set.of()))).isFalse();
        assertThat(order.isVisibleTo(new Caller("ops", Set.of(), Set.of("admins")))).isTrue();
    }

    @Test
    void shippingAddress_namesEveryBadField() {
        assertThatThrownBy(() -> new ShippingAddress("XX", "bavaria", "", "80331", "x"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidInput) e).violations())
                                        .extracting(InvalidInput.Violation::field)
                                        .containsExactly(
                                                "address.country",
                                                "address.region",
                                                "address.city"));
    }

    @Test
    void orderId_acceptsOnlyLowerCaseUuids() {
        assertThat(OrderId.random().value()).hasSize(36);
        assertThatThrownBy(() -> new OrderId("ORDER-1")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new OrderId("6F9619FF-8B86-D011-B42D-00C04FC964FF"))
                .isInstanceOf(InvalidInput.class);
    }
}
