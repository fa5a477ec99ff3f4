package dev.orderflow.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.adapters.payment.SimulatedPaymentProvider;
import org.junit.jupiter.api.Test;

class SagaWiringTest {

    @Test
    void paymentProvider_simulated_isTheSimulator_andNeedsNoSecret() {
        assertThat(
                        SagaWiring.paymentProvider(
                                "simulated",
                                () -> {
                                    throw new AssertionError("the simulator reads no secret");
                                }))
                .isInstanceOf(SimulatedPaymentProvider.class);
    }

    @Test
    void paymentProvider_unknown_failsNamingTheChoices() {
        assertThatThrownBy(() -> SagaWiring.paymentProvider("stripe", () -> "orderflow/payment"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "PAYMENT_PROVIDER=stripe is not a payment provider orderflow knows; use"
                                + " simulated or http");
    }

    @Test
    void paymentProvider_http_withoutASecretName_failsAtStart() {
        assertThatThrownBy(
                        () ->
                                SagaWiring.paymentProvider(
                                        "http",
                                        () -> Environment.require("ORDERFLOW_TEST_UNSET_SECRET")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDERFLOW_TEST_UNSET_SECRET is not set");
    }
}
