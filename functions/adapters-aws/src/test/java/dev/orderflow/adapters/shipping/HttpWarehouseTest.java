package dev.orderflow.adapters.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.shipping.PickOutcome;
import dev.orderflow.domain.shipping.ShipmentOrder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpWarehouse} through real HTTP against a fake warehouse system on loopback. */
class HttpWarehouseTest {

    private static final OrderId ORDER = new OrderId("5b0e6f8a-3c1d-4e2f-9a7b-1c2d3e4f5a6b");

    private FakeWarehouseServer wms;
    private HttpWarehouse warehouse;
    private final AtomicInteger progress = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        wms = new FakeWarehouseServer();
        warehouse =
                new HttpWarehouse(
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                        Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        wms.close();
    }

    private ShipmentOrder order(String center) {
        return new ShipmentOrder(
                ORDER,
                new FulfillmentCenter(
                        new CenterId(center),
                        "Munich",
                        Map.of("DE-BY", 5),
                        FulfillmentCenter.DEFAULT_HANDLING_TIME,
                        new WarehouseLink.Endpoint(wms.endpoint())),
                List.of(new OrderLine(new Sku("MUG-BLUE"), 2)),
                new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz \"1\""));
    }

    private PickOutcome pick(ShipmentOrder order) {
        return warehouse.pickAndPack(order, progress::incrementAndGet);
    }

    @Test
    void accepted_storesOneShipment_withOrderCenterLinesAddressAndCallback() {
        PickOutcome outcome = pick(order("FC-MUC"));

        assertThat(outcome).isEqualTo(new PickOutcome.Accepted());
        assertThat(wms.shipments()).containsOnlyKeys(ORDER + ":FC-MUC");
        assertThat(wms.shipments().get(ORDER + ":FC-MUC"))
                .isEqualTo(
                        "{\"orderId\":\""
                                + ORDER
                                + "\",\"centerId\":\"FC-MUC\",\"lines\":[{\"sku\":\"MUG-BLUE\","
                                + "\"quantity\":2}],\"address\":{\"country\":\"DE\",\"region\":"
                                + "\"BY\",\"city\":\"München\",\"postalCode\":\"80331\",\"street\":"
                                + "\"Marienplatz \\\"1\\\"\"},\"callback\":\"/warehouse/shipments/"
                                + ORDER
                                + "/FC-MUC/events\"}");
        assertThat(progress).hasValue(0);
    }

    @Test
    void aRepeatedRequest_isAcceptedAgain_withoutASecondShipment() {
        pick(order("FC-MUC"));

        PickOutcome again = pick(order("FC-MUC"));

        assertThat(again).isEqualTo(new PickOutcome.Accepted());
        assertThat(wms.requests()).isEqualTo(2);
        assertThat(wms.shipments()).hasSize(1);
        pick(order("FC-BER"));
        assertThat(wms.shipments()).containsOnlyKeys(ORDER + ":FC-MUC", ORDER + ":FC-BER");
    }

    @Test
    void aRefusal_isCannotPick_withTheWarehousesReason() {
        wms.answer(FakeWarehouseServer.Mode.REFUSE);

        PickOutcome outcome = pick(order("FC-MUC"));

        assertThat(outcome).isInstanceOf(PickOutcome.CannotPick.class);
        assertThat(((PickOutcome.CannotPick) outcome).reason())
                .contains("FC-MUC", "409", "MUG-BLUE out of stock");
        assertThat(wms.shipments()).isEmpty();
    }

    @Test
    void aServiceUnavailable_isDependencyUnavailable_soTheMessageIsRetried() {
        wms.answer(FakeWarehouseServer.Mode.FAIL);

        assertThatThrownBy(() -> pick(order("FC-MUC")))
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessageContaining("FC-MUC")
                .hasRootCauseMessage("the warehouse answered 503");
    }

    @Test
    void aWarehouseThatDoesNotAnswerInTime_isDependencyUnavailable() {
        wms.answer(FakeWarehouseServer.Mode.HANG);

        assertThatThrownBy(() -> pick(order("FC-MUC")))
                .isInstanceOf(DependencyUnavailable.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void anUnreachableWarehouse_isDependencyUnavailable() {
        ShipmentOrder order = order("FC-MUC");
        wms.close();

        assertThatThrownBy(() -> pick(order)).isInstanceOf(DependencyUnavailable.class);
    }

    @Test
    void theRouter_sendsCentersWithAnEndpointOverHttp_andOthersToTheDefault() {
        var routed = new CenterRoutedWarehouse(warehouse, CenterRoutedWarehouse.refusingUnlinked());
        ShipmentOrder unlinked =
                new ShipmentOrder(
                        ORDER,
                        new FulfillmentCenter(new CenterId("FC-OLD"), "Old", Map.of("DE-BY", 5)),
                        List.of(new OrderLine(new Sku("MUG-BLUE"), 1)),
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"));

        assertThat(routed.pickAndPack(order("FC-MUC"), progress::incrementAndGet))
                .isEqualTo(new PickOutcome.Accepted());
        PickOutcome refused = routed.pickAndPack(unlinked, progress::incrementAndGet);

        assertThat(refused).isInstanceOf(PickOutcome.CannotPick.class);
        assertThat(((PickOutcome.CannotPick) refused).reason())
                .contains("FC-OLD states no warehouse endpoint");
        assertThat(wms.shipments()).containsOnlyKeys(ORDER + ":FC-MUC");
    }
}
