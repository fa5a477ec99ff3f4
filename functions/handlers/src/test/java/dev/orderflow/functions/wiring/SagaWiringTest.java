package dev.orderflow.functions.wiring;

import static dev.orderflow.functions.wiring.EnvironmentVariable.PAYMENT_SECRET_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.adapters.aws.dynamodb.StockConsistency;
import dev.orderflow.adapters.payment.SimulatedPaymentProvider;
import dev.orderflow.domain.inventory.AllocationScope;
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
                                        "http", () -> Environment.require(PAYMENT_SECRET_NAME)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAYMENT_SECRET_NAME is not set");
    }

    @Test
    void stockConsistency_eventualOrStrong_choosesTheInventoryWritesAndTheAllocationScope() {
        assertThat(AwsWiring.stockConsistency("eventual")).isEqualTo(StockConsistency.EVENTUAL);
        assertThat(AwsWiring.stockConsistency("strong")).isEqualTo(StockConsistency.STRONG);
        assertThat(SagaWiring.allocationScope(StockConsistency.STRONG))
                .isEqualTo(AllocationScope.everyCenter());
    }

    @Test
    void stockConsistency_unknown_failsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> AwsWiring.stockConsistency("STRONG"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "STOCK_CONSISTENCY=STRONG is not a stock consistency orderflow knows; use"
                                + " eventual (or leave it unset) or strong");
    }
}
