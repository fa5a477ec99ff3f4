package dev.orderflow.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.Shipment;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.InMemoryStock;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReserveStockTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId BER = new CenterId("FC-BER");

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryStock stock =
            new InMemoryStock()
                    .center(new FulfillmentCenter(MUC, "Munich", Map.of("DE-BY", 20)))
                    .center(new FulfillmentCenter(BER, "Berlin", Map.of("DE-BY", 590)));
    private final ReserveStock reserveStock =
            new ReserveStock(
                    orders,
                    stock,
                    stock,
                    stock,
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    AllocationScope.homedIn(SampleOrders.HERE));

    private Order pending(int mugs) {
        return SampleOrders.placeMugs(orders, mugs, NOW);
    }

    @Test
    void reserve_allocatesOnlyFromCentersHomedHere() {
        CenterId nearButElsewhere = new CenterId("FC-MUC-US");
        CenterId homedHere = new CenterId("FC-HAM");
        stock.center(
                        new FulfillmentCenter(
                                nearButElsewhere,
                                "Munich, run from us-east-1",
                                Map.of("DE-BY", 1),
                                FulfillmentCenter.DEFAULT_HANDLING_TIME,
                                new WarehouseLink.None(),
                                Optional.of(SampleOrders.ELSEWHERE)))
                .center(
                        new FulfillmentCenter(
                                homedHere,
                                "Hamburg",
                                Map.of("DE-BY", 780),
                                FulfillmentCenter.DEFAULT_HANDLING_TIME,
                                new WarehouseLink.None(),
                                Optional.of(SampleOrders.HERE)))
                .stock(nearButElsewhere, "MUG", 100)
                .stock(MUC, "MUG", 1)
                .stock(homedHere, "MUG", 5);
        Order order = pending(3);

        Order reserved = reserveStock.reserve(order.id());

        assertThat(reserved.allocation().orElseThrow().shipments())
                .extracting(Shipment::center, Shipment::units)
                .as("the nearest center that fills it alone, of those homed here")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(homedHere, 3));
        assertThat(stock.available(nearButElsewhere, "MUG")).isEqualTo(100);
    }

    @Test
    void reserve_refusesAnOrder_thatOnlyCentersHomedElsewhereCouldFill() {
        CenterId elsewhere = new CenterId("FC-MUC-US");
        stock.center(
                        new FulfillmentCenter(
                                elsewhere,
                                "Munich, run from us-east-1",
                                Map.of("DE-BY", 1),
                                FulfillmentCenter.DEFAULT_HANDLING_TIME,
                                new WarehouseLink.None(),
                                Optional.of(SampleOrders.ELSEWHERE)))
                .stock(elsewhere, "MUG", 100);
        Order order = pending(3);

        assertThatThrownBy(() -> reserveStock.reserve(order.id()))
                .isInstanceOf(InsufficientStock.class);
        assertThat(stock.available(elsewhere, "MUG")).isEqualTo(100);
    }

    @Test
    void reserve_underStrongStock_allocatesFromEveryCenter_homedHereOrElsewhere() {
        CenterId nearButElsewhere = new CenterId("FC-MUC-US");
        stock.center(
                        new FulfillmentCenter(
                                nearButElsewhere,
                                "Munich, run from us-east-1",
                                Map.of("DE-BY", 1),
                                FulfillmentCenter.DEFAULT_HANDLING_TIME,
                                new WarehouseLink.None(),
                                Optional.of(SampleOrders.ELSEWHERE)))
                .stock(nearButElsewhere, "MUG", 100)
                .stock(MUC, "MUG", 5);
        ReserveStock strong =
                new ReserveStock(
                        orders,
                        stock,
                        stock,
                        stock,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        AllocationScope.everyCenter());
        Order order = pending(3);

        Order reserved = strong.reserve(order.id());

        assertThat(reserved.allocation().orElseThrow().shipments())
                .extracting(Shipment::center, Shipment::units)
                .as("the nearest center, though homed in another region")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nearButElsewhere, 3));
        assertThat(stock.available(nearButElsewhere, "MUG")).isEqualTo(97);
        assertThat(stock.available(MUC, "MUG")).isEqualTo(5);
    }

    @Test
    void reserve_allocatesNearestFirst_splits_andRecordsTheAllocation() {
        stock.stock(MUC, "MUG", 3).stock(BER, "MUG", 4);
        Order order = pending(5);

        Order reserved = reserveStock.reserve(order.id());

        assertThat(reserved.status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(reserved.allocation().orElseThrow().shipments())
                .extracting(Shipment::center, Shipment::units)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MUC, 3),
                        org.assertj.core.groups.Tuple.tuple(BER, 2));
        assertThat(stock.available(MUC, "MUG")).isZero();
        assertThat(stock.available(BER, "MUG")).isEqualTo(2);
        assertThat(orders.find(order.id())).contains(reserved);
    }

    @Test
    void reserve_plansAgainOnTheStockItself_whenARecentCopyOfTheLevelsIsOld() {
        stock.stock(MUC, "MUG", 0).stock(BER, "MUG", 5);
        stock.recentLevels(List.of(new StockLevel(new Sku("MUG"), MUC, 5))); // sold out since
        Order order = pending(2);

        Order reserved = reserveStock.reserve(order.id());

        assertThat(reserved.allocation().orElseThrow().shipments())
                .extracting(Shipment::center)
                .containsExactly(BER);
        assertThat(stock.available(BER, "MUG")).isEqualTo(3);
    }

    @Test
    void reserve_refusesOnARecentCopyThatCannotFillTheOrder_withoutReadingAgain() {
        stock.stock(MUC, "MUG", 4);
        stock.recentLevels(List.of(new StockLevel(new Sku("MUG"), MUC, 1))); // restocked since
        Order order = pending(2);

        assertThatThrownBy(() -> reserveStock.reserve(order.id()))
                .isInstanceOf(InsufficientStock.class)
                .hasMessage("not enough stock for MUG (requested 2, available 1)");
        assertThat(stock.available(MUC, "MUG")).isEqualTo(4);
    }

    @Test
    void reserve_isIdempotent_forARetriedStep() {
        stock.stock(MUC, "MUG", 5);
        Order order = pending(2);

        Order first = reserveStock.reserve(order.id());
        Order again = reserveStock.reserve(order.id());

        assertThat(again).isEqualTo(first);
        assertThat(stock.available(MUC, "MUG")).isEqualTo(3);
    }

    @Test
    void reserve_allocatesAgain_whenSomeoneElseTookTheStockMeanwhile() {
        stock.stock(MUC, "MUG", 2).stock(BER, "MUG", 2);
        Order order = pending(2);
        stock.beforeNextReserve(() -> stock.stock(MUC, "MUG", 0)); // a concurrent buyer wins Munich

        Order reserved = reserveStock.reserve(order.id());

        assertThat(reserved.allocation().orElseThrow().shipments())
                .extracting(Shipment::center)
                .containsExactly(BER);
    }

    @Test
    void reserve_failsWithInsufficientStock_andReservesNothing() {
        stock.stock(MUC, "MUG", 1);
        Order order = pending(2);

        assertThatThrownBy(() -> reserveStock.reserve(order.id()))
                .isInstanceOf(InsufficientStock.class);
        assertThat(stock.available(MUC, "MUG")).isEqualTo(1);
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void reserve_releasesWhatItReserved_whenTheOrderWasCancelledMeanwhile() {
        stock.stock(MUC, "MUG", 5);
        Order order = pending(2);
        stock.beforeNextReserve(() -> orders.update(order.cancelRequested(NOW)));

        assertThatThrownBy(() -> reserveStock.reserve(order.id()))
                .isInstanceOf(InvalidStateTransition.class)
                .hasMessageContaining("CANCELLING");
        assertThat(stock.available(MUC, "MUG")).isEqualTo(5);
        assertThat(stock.holdsReservationFor(order.id())).isFalse();
    }

    @Test
    void reserve_answersWithTheDuplicateStepsReservation_whenADuplicateWonTheRace() {
        stock.stock(MUC, "MUG", 5);
        Order order = pending(2);
        stock.beforeNextReserve(() -> reserveStock.reserve(order.id())); // the same step, twice

        Order reserved = reserveStock.reserve(order.id());

        assertThat(reserved.status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(orders.find(order.id())).contains(reserved);
        assertThat(stock.available(MUC, "MUG")).isEqualTo(3);
        assertThat(stock.holdsReservationFor(order.id())).isTrue();
    }

    @Test
    void reserve_refusesOrdersThatAreNotPending_orDoNotExist() {
        Order order = pending(1);
        orders.update(order.cancelRequested(NOW));

        assertThatThrownBy(() -> reserveStock.reserve(order.id()))
                .isInstanceOf(InvalidStateTransition.class);
        assertThatThrownBy(() -> reserveStock.reserve(OrderId.random()))
                .isInstanceOf(OrderNotFound.class);
    }
}
