package dev.orderflow.domain.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.ShipmentNotFound;
import dev.orderflow.domain.error.ShipmentSettled;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.testfixtures.InMemoryAwaitedShipments;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportShipmentEventTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final Caller WAREHOUSE =
            new Caller("wms-muc", Set.of(Caller.WAREHOUSE_SCOPE), Set.of());

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryAwaitedShipments awaited = new InMemoryAwaitedShipments();
    private final RecordingTaskTokens tokens = new RecordingTaskTokens();
    private final ReportShipmentEvent reports =
            new ReportShipmentEvent(
                    orders, awaited, tokens, Clock.fixed(NOW, ZoneOffset.UTC), SampleOrders.HERE);
    private final OrderId order = SampleOrders.placeMugs(orders, 1, NOW).id();

    private void handedOver() {
        awaited.await(order, MUC, new TaskToken("t1"));
    }

    @Test
    void shipped_completesTheWaitingStep_withTheWarehousesTrackingNumber() {
        handedOver();

        reports.report(WAREHOUSE, order, MUC, new WarehouseEvent.Shipped("1Z999AA10123456784"));

        assertThat(tokens.closing("t1").kind()).isEqualTo("success");
        assertThat(tokens.closing("t1").detail()).isEqualTo("FC-MUC|1Z999AA10123456784|" + NOW);
    }

    @Test
    void cannotPick_failsTheStepAsRejected() {
        handedOver();

        reports.report(WAREHOUSE, order, MUC, new WarehouseEvent.CannotPick("shelf empty"));

        assertThat(tokens.closing("t1").kind()).isEqualTo("failure");
        assertThat(tokens.closing("t1").detail()).isEqualTo(FulfillShipment.REJECTED);
    }

    @Test
    void picking_isAHeartbeat_thatLeavesTheStepWaiting() {
        handedOver();

        reports.report(WAREHOUSE, order, MUC, new WarehouseEvent.Picking());

        assertThat(tokens.received()).extracting(r -> r.kind()).containsExactly("heartbeat");
    }

    @Test
    void aReport_onAShipmentNeverHandedOver_isNotFound() {
        assertThatThrownBy(
                        () -> reports.report(WAREHOUSE, order, MUC, new WarehouseEvent.Picking()))
                .isInstanceOf(ShipmentNotFound.class);
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void aReport_onAnUnknownOrder_isNotFound() {
        assertThatThrownBy(
                        () ->
                                reports.report(
                                        WAREHOUSE,
                                        OrderId.random(),
                                        MUC,
                                        new WarehouseEvent.Picking()))
                .isInstanceOf(ShipmentNotFound.class);
    }

    @Test
    void aReport_onAnOrderHomedInAnotherRegion_isRefused_namingItsHome_andReportsNothing() {
        OrderId foreign =
                SampleOrders.placeMugs(orders, 1, NOW, Optional.of(SampleOrders.ELSEWHERE)).id();
        awaited.await(foreign, MUC, new TaskToken("t-foreign"));

        assertThatThrownBy(
                        () ->
                                reports.report(
                                        WAREHOUSE, foreign, MUC, new WarehouseEvent.Shipped("T")))
                .isInstanceOfSatisfying(
                        HomedInAnotherRegion.class,
                        e -> assertThat(e.homeRegion()).isEqualTo("us-east-1"));
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void aReport_onAnOrderHomedHere_reachesTheStep() {
        OrderId local = SampleOrders.placeMugs(orders, 1, NOW, Optional.of(SampleOrders.HERE)).id();
        awaited.await(local, MUC, new TaskToken("t-local"));

        reports.report(WAREHOUSE, local, MUC, new WarehouseEvent.Picking());

        assertThat(tokens.received()).extracting(r -> r.kind()).containsExactly("heartbeat");
    }

    @Test
    void aReport_afterTheStepClosed_isSettled() {
        handedOver();
        reports.report(WAREHOUSE, order, MUC, new WarehouseEvent.Shipped("TRK-1"));

        assertThatThrownBy(
                        () ->
                                reports.report(
                                        WAREHOUSE, order, MUC, new WarehouseEvent.Shipped("TRK-2")))
                .isInstanceOf(ShipmentSettled.class);
        assertThat(tokens.closing("t1").detail()).contains("TRK-1");
    }

    @Test
    void aCallerWithoutTheWarehouseScope_isForbidden_evenAnAdmin() {
        handedOver();
        Caller admin = new Caller("root", Set.of(Caller.ADMIN_SCOPE), Set.of("admins"));

        assertThatThrownBy(() -> reports.report(admin, order, MUC, new WarehouseEvent.Picking()))
                .isInstanceOf(Forbidden.class);
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void anUnreachableEngine_failsTheReport_soTheWarehouseRetries() {
        handedOver();
        tokens.goDown();

        assertThatThrownBy(
                        () -> reports.report(WAREHOUSE, order, MUC, new WarehouseEvent.Picking()))
                .isInstanceOf(DependencyUnavailable.class);
    }

    @Test
    void events_refuseBlankAndOverlongText() {
        assertThatThrownBy(() -> new WarehouseEvent.Shipped(" ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new WarehouseEvent.CannotPick("x".repeat(257)))
                .isInstanceOf(InvalidInput.class);
    }
}
