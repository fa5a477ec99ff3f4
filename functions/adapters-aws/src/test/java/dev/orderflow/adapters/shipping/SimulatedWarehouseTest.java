package dev.orderflow.adapters.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.shipping.PickOutcome;
import dev.orderflow.domain.shipping.ShipmentOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SimulatedWarehouseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final OrderId ORDER = new OrderId("5b0e6f8a-3c1d-4e2f-9a7b-1c2d3e4f5a6b");

    private final SimulatedWarehouse warehouse =
            new SimulatedWarehouse(Clock.fixed(NOW, ZoneOffset.UTC));
    private final AtomicInteger progress = new AtomicInteger();

    private PickOutcome pick(String center) {
        return warehouse.pickAndPack(
                new ShipmentOrder(
                        ORDER,
                        new FulfillmentCenter(new CenterId(center), center, Map.of("DE-BY", 5)),
                        List.of(new OrderLine(new Sku("MUG-BLUE"), 2)),
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1")),
                progress::incrementAndGet);
    }

    @Test
    void anOrdinaryCenter_shipsAtOnce_withATrackingNumberOfTheOrderAndCenter() {
        PickOutcome outcome = pick("FC-MUC");

        assertThat(outcome).isInstanceOf(PickOutcome.Shipped.class);
        var parcel = ((PickOutcome.Shipped) outcome).parcel();
        assertThat(parcel.center()).isEqualTo(new CenterId("FC-MUC"));
        assertThat(parcel.trackingNumber()).matches("SIM[0-9A-F]{16}");
        assertThat(parcel.shippedAt()).isEqualTo(NOW);
        assertThat(progress).hasValue(0);
        assertThat(pick("FC-MUC")).isEqualTo(outcome);
        assertThat(((PickOutcome.Shipped) pick("FC-BER")).parcel().trackingNumber())
                .isNotEqualTo(parcel.trackingNumber());
    }

    @Test
    void aSlowCenter_reportsProgress_thenShips() {
        assertThat(pick("FC-MUC-SLOW")).isInstanceOf(PickOutcome.Shipped.class);
        assertThat(progress).hasValue(SimulatedWarehouse.SLOW_PROGRESS_REPORTS);
    }

    @Test
    void aCenterWithoutStock_cannotPick() {
        assertThat(pick("FC-MUC-NOSTOCK")).isInstanceOf(PickOutcome.CannotPick.class);
    }

    @Test
    void anOfflineCenter_neverAnswers() {
        assertThat(pick("FC-MUC-OFFLINE")).isEqualTo(new PickOutcome.NoAnswer());
        assertThat(progress).hasValue(0);
    }
}
