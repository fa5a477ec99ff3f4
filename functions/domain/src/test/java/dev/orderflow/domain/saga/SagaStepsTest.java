package dev.orderflow.domain.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.inventory.AllocationScope;
import dev.orderflow.domain.inventory.ReserveStock;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.payment.PaymentUnavailable;
import dev.orderflow.domain.saga.StepResult.Verdict;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.InMemoryPayments;
import dev.orderflow.domain.testfixtures.InMemoryStock;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The saga's steps one by one, forward and back, on in-memory ports. */
class SagaStepsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId BER = new CenterId("FC-BER");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryStock stock =
            new InMemoryStock()
                    .center(
                            new FulfillmentCenter(
                                    MUC, "Munich", Map.of("DE-BY", 20), Duration.ofHours(8)))
                    .center(new FulfillmentCenter(BER, "Berlin", Map.of("DE-BY", 590)));
    private final InMemoryPayments payments = new InMemoryPayments();

    private final ReserveStep reserve =
            new ReserveStep(
                    new ReserveStock(
                            orders,
                            stock,
                            stock,
                            stock,
                            clock,
                            AllocationScope.homedIn(SampleOrders.HERE)),
                    orders);
    private final PaymentStep pay = new PaymentStep(orders, payments, clock);
    private final ShippingSteps shipping = new ShippingSteps(orders, stock, stock, clock);
    private final Compensation compensation = new Compensation(orders, payments, stock, clock);

    private OrderId placed(int mugs) {
        return SampleOrders.placeMugs(orders, mugs, NOW).id();
    }

    private OrderStatus statusOf(OrderId id) {
        return orders.find(id).orElseThrow().status();
    }

    private void cancel(OrderId id) {
        orders.update(orders.find(id).orElseThrow().cancelRequested(NOW));
    }

    @Test
    void happyPath_splitAcrossCenters_endsShipped_withTheReservationCommitted() {
        stock.stock(MUC, "MUG", 3).stock(BER, "MUG", 4);
        OrderId id = placed(5);

        assertThat(reserve.run(id).verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(pay.run(id, 0).verdict()).isEqualTo(Verdict.PROCEED);
        HandOver handOver = shipping.handOver(id);
        var confirmation = shipping.confirmShipped(id, Map.of(MUC, "TRK-1", BER, "TRK-2"));

        assertThat(handOver.workOrders())
                .extracting(HandOver.WorkOrder::center, HandOver.WorkOrder::timeout)
                .as("the service level, plus 15 minutes the request may wait for the worker")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                MUC, Duration.ofHours(8).plusMinutes(15)),
                        org.assertj.core.groups.Tuple.tuple(
                                BER, FulfillmentCenter.DEFAULT_HANDLING_TIME.plusMinutes(15)));
        assertThat(handOver.workOrders())
                .extracting(HandOver.WorkOrder::heartbeat)
                .containsExactly(Duration.ofMinutes(75), Duration.ofMinutes(75));
        assertThat(confirmation.result().verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(statusOf(id)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(payments.charges()).containsExactly(id);
        // Shipped units are gone for good: releasing afterwards gives nothing back.
        compensation.release(id);
        assertThat(stock.available(MUC, "MUG")).isZero();
        assertThat(stock.available(BER, "MUG")).isEqualTo(2);
        assertThat(orders.trail(id))
                .extracting(OrderEvent::status)
                .containsExactly(
                        OrderStatus.PENDING,
                        OrderStatus.RESERVED,
                        OrderStatus.PAID,
                        OrderStatus.SHIPPING,
                        OrderStatus.SHIPPED);
        assertThat(orders.trail(id).get(4).detail())
                .isEqualTo("FC-BER tracking TRK-2, FC-MUC tracking TRK-1");
    }

    @Test
    void outOfStock_isARejection_notAnError_andTouchesNoStock() {
        stock.stock(MUC, "MUG", 1);
        OrderId id = placed(2);

        StepResult result = reserve.run(id);

        assertThat(result.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(result.reason()).contains("MUG");
        assertThat(stock.available(MUC, "MUG")).isEqualTo(1);
        assertThat(compensation.close(id, result.reason()).status())
                .isEqualTo(OrderStatus.REJECTED);
        assertThat(orders.find(id).orElseThrow().reason()).isEqualTo(result.reason());
    }

    @Test
    void declinedPayment_isARejection_andCompensationReturnsTheStock() {
        stock.stock(MUC, "MUG", 5);
        OrderId id = placed(2);
        reserve.run(id);
        payments.declining();

        StepResult result = pay.run(id, 0);
        compensation.refund(id);
        compensation.release(id);
        Order closed = compensation.close(id, result.reason());

        assertThat(result)
                .isEqualTo(new StepResult(Verdict.REJECT, "payment declined: card declined"));
        assertThat(stock.available(MUC, "MUG")).isEqualTo(5);
        assertThat(closed.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(closed.reason()).isEqualTo("payment declined: card declined");
    }

    @Test
    void paymentTimeout_escapesForTheWorkflowToRetry_andTheRetryCharges() {
        stock.stock(MUC, "MUG", 5);
        OrderId id = placed(1);
        reserve.run(id);
        payments.timingOutFirst(1);

        assertThatThrownBy(() -> pay.run(id, 0)).isInstanceOf(PaymentUnavailable.class);
        assertThat(statusOf(id)).isEqualTo(OrderStatus.RESERVED);
        assertThat(pay.run(id, 1).verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(pay.run(id, 2).verdict()).as("a retried step").isEqualTo(Verdict.PROCEED);
        assertThat(payments.charges()).containsExactly(id);
    }

    @Test
    void aChargeTheProviderTookAfterTheLastAttemptGaveUp_isFoundAndRefunded() {
        stock.stock(MUC, "MUG", 5);
        OrderId id = placed(1);
        reserve.run(id);
        payments.timingOutFirst(10);
        assertThatThrownBy(() -> pay.run(id, 0)).isInstanceOf(PaymentUnavailable.class);
        payments.chargeLate(id);

        assertThat(compensation.refund(id)).contains(InMemoryPayments.paymentId(id));
        assertThat(payments.wasRefunded(InMemoryPayments.paymentId(id))).isTrue();
    }

    @Test
    void anOrderThatNeverReservedStock_isNeverLookedUpForACharge() {
        OrderId id = placed(1);
        payments.chargeLate(id); // even if the provider held one, no charge was ever attempted

        assertThat(compensation.refund(id)).isEmpty();
        assertThat(payments.wasRefunded(InMemoryPayments.paymentId(id))).isFalse();
    }

    @Test
    void aCancellationDuringTheCharge_refundsThatCharge_andCancels() {
        stock.stock(MUC, "MUG", 5);
        OrderId id = placed(1);
        reserve.run(id);
        payments.duringNextCharge(() -> cancel(id));

        StepResult result = pay.run(id, 0);

        assertThat(result.verdict()).isEqualTo(Verdict.CANCEL);
        assertThat(payments.wasRefunded(InMemoryPayments.paymentId(id))).isTrue();
        compensation.release(id);
        assertThat(compensation.close(id, result.reason()).status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(stock.available(MUC, "MUG")).isEqualTo(5);
    }

    @Test
    void everyForwardStep_seesACancellation_andSaysCancel() {
        stock.stock(MUC, "MUG", 5);
        OrderId beforeReserve = placed(1);
        cancel(beforeReserve);
        assertThat(reserve.run(beforeReserve).verdict()).isEqualTo(Verdict.CANCEL);

        OrderId beforeShipping = placed(1);
        reserve.run(beforeShipping);
        pay.run(beforeShipping, 0);
        cancel(beforeShipping);
        assertThat(shipping.handOver(beforeShipping).result().verdict()).isEqualTo(Verdict.CANCEL);
        assertThat(shipping.handOver(beforeShipping).workOrders()).isEmpty();
    }

    @Test
    void cancelledWhileShipping_refunds_releases_andEndsCancelled() {
        stock.stock(MUC, "MUG", 5);
        OrderId id = placed(2);
        reserve.run(id);
        pay.run(id, 0);
        shipping.handOver(id);
        cancel(id);

        compensation.refund(id);
        compensation.release(id);
        Order closed = compensation.close(id, "a fulfillment center did not report in time");

        assertThat(closed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(closed.reason()).isEqualTo("cancelled by the customer");
        assertThat(payments.wasRefunded(InMemoryPayments.paymentId(id))).isTrue();
        assertThat(stock.available(MUC, "MUG")).isEqualTo(5);
    }

    @Test
    void compensation_isIdempotent_andLeavesATerminalOrderAsItIs() {
        stock.stock(MUC, "MUG", 5);
        OrderId id = placed(2);
        reserve.run(id);
        pay.run(id, 0);

        compensation.refund(id);
        compensation.refund(id);
        compensation.release(id);
        compensation.release(id);
        Order first = compensation.close(id, "fulfillment failed");
        Order again = compensation.close(id, "another reason");

        assertThat(stock.available(MUC, "MUG")).isEqualTo(5);
        assertThat(again).isEqualTo(first);
        assertThat(again.reason()).isEqualTo("fulfillment failed");
        assertThat(orders.trail(id)).hasSize(4);
    }

    @Test
    void nothingToRefund_beforePayment() {
        stock.stock(MUC, "MUG", 5);
        OrderId id = placed(1);
        reserve.run(id);

        assertThat(compensation.refund(id)).isEmpty();
    }

    @Test
    void heartbeat_isAQuarterOfTheServiceLevel_withinBounds() {
        assertThat(ShippingSteps.heartbeatFor(Duration.ofSeconds(2))).hasSeconds(1);
        assertThat(ShippingSteps.heartbeatFor(Duration.ofMinutes(20))).hasSeconds(300);
        assertThat(ShippingSteps.heartbeatFor(Duration.ofDays(2))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void queueAllowance_isAQuarterOfTheServiceLevel_fromASecondTo15Minutes() {
        assertThat(ShippingSteps.queueAllowance(Duration.ofSeconds(2))).hasSeconds(1);
        assertThat(ShippingSteps.queueAllowance(Duration.ofSeconds(40))).hasSeconds(10);
        assertThat(ShippingSteps.queueAllowance(Duration.ofHours(1))).hasMinutes(15);
        assertThat(ShippingSteps.queueAllowance(Duration.ofDays(2))).hasMinutes(15);
    }
}
