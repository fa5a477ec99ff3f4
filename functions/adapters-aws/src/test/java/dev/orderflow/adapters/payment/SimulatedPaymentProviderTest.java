package dev.orderflow.adapters.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.payment.ChargeRequest;
import dev.orderflow.domain.payment.PaymentOutcome;
import dev.orderflow.domain.payment.PaymentUnavailable;
import org.junit.jupiter.api.Test;

class SimulatedPaymentProviderTest {

    private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider();
    private final OrderId order = OrderId.random();

    private PaymentOutcome charge(long minor, int attempt) {
        return provider.charge(new ChargeRequest(order, Money.ofMinor(minor, "EUR"), attempt));
    }

    @Test
    void charge_approvesOrdinaryAmounts_withTheSameIdEveryTime() {
        PaymentOutcome first = charge(2500, 0);
        PaymentOutcome again = charge(2500, 1);

        assertThat(first).isInstanceOf(PaymentOutcome.Approved.class).isEqualTo(again);
        assertThat(((PaymentOutcome.Approved) first).paymentId()).startsWith("sim_").hasSize(28);
        assertThat(
                        provider.charge(
                                new ChargeRequest(OrderId.random(), Money.ofMinor(2500, "EUR"), 0)))
                .isNotEqualTo(first);
    }

    @Test
    void charge_declinesAmountsEndingIn01() {
        assertThat(charge(1201, 0))
                .isEqualTo(new PaymentOutcome.Declined("card declined (simulated)"));
    }

    @Test
    void charge_timesOutOnceThenApproves_forAmountsEndingIn02() {
        assertThatThrownBy(() -> charge(1202, 0))
                .isInstanceOf(PaymentUnavailable.class)
                .satisfies(
                        e ->
                                assertThat(((PaymentUnavailable) e).errorName())
                                        .isEqualTo("Payment.Timeout"));
        assertThat(charge(1202, 1)).isInstanceOf(PaymentOutcome.Approved.class);
    }

    @Test
    void charge_failsTransientlyTwiceThenApproves_forAmountsEndingIn03() {
        for (int attempt = 0; attempt < 2; attempt++) {
            int a = attempt;
            assertThatThrownBy(() -> charge(1203, a))
                    .isInstanceOf(PaymentUnavailable.class)
                    .satisfies(
                            e ->
                                    assertThat(((PaymentUnavailable) e).errorName())
                                            .isEqualTo("Payment.Unavailable"));
        }
        assertThat(charge(1203, 2)).isInstanceOf(PaymentOutcome.Approved.class);
    }

    @Test
    void charge_alwaysTimesOut_forAmountsEndingIn04() {
        for (int attempt = 0; attempt < 5; attempt++) {
            int a = attempt;
            assertThatThrownBy(() -> charge(1204, a)).isInstanceOf(PaymentUnavailable.class);
        }
    }

    @Test
    void refund_acceptsOnlyThePaymentTakenForThatOrder() {
        String paymentId = ((PaymentOutcome.Approved) charge(2500, 0)).paymentId();

        provider.refund(order, paymentId);
        provider.refund(order, paymentId);
        assertThatThrownBy(() -> provider.refund(OrderId.random(), paymentId))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
