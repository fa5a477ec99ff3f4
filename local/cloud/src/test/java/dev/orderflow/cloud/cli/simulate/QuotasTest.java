package dev.orderflow.cloud.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The quota arithmetic of docs/capacity.md at 10,000 orders/s. */
class QuotasTest {

    private static final FlashSalePlan PLAN = FlashSalePlan.defaults();

    @Test
    void stepFunctions_demandsFollowTheHappyPath() {
        List<QuotaCheck> checks = Quotas.check(result(0));

        // 12 states per order (RecordExecution ... NotifyCustomer) x 10,000 orders/s
        assertThat(demand(checks, "sfn-state-transitions")).isEqualTo(120_000);
        assertThat(demand(checks, "sfn-start-execution")).isEqualTo(10_000);
        assertThat(demand(checks, "sfn-send-task-success")).isEqualTo(10_000);
        // shipped one second after placing: one second of orders is open
        assertThat(demand(checks, "sfn-open-executions")).isEqualTo(10_000);
    }

    @Test
    void lambdaConcurrency_isRateTimesDurationSummedOverFunctions() {
        List<QuotaCheck> checks = Quotas.check(result(0));

        // 10,000 x (0.06 + 0.5/25 + 0.08 + 0.3 + 0.05 + 1.0/10 + 0.06 + 1.0/10) = 7,700
        assertThat(demand(checks, "lambda-concurrency")).isCloseTo(7_700, within(1e-6));
        // TakePayment alone: 10,000 x 0.3
        assertThat(demand(checks, "lambda-scaling-rate")).isCloseTo(3_000, within(1e-6));
    }

    @Test
    void aQuotaIsReached_whenTheSaleAloneUsesAllOfIt() {
        assertThat(check(Quotas.check(result(40_000)), "dynamodb-orders-wru").reached()).isTrue();
        assertThat(check(Quotas.check(result(39_999)), "dynamodb-orders-wru").reached()).isFalse();
        assertThat(check(Quotas.check(result(0)), "apigw-rps").reached()).isTrue();
        assertThat(check(Quotas.check(result(0)), "sfn-open-executions").reached()).isFalse();
    }

    private static FlashSaleResult result(double ordersWriteUnits) {
        TableSecond last = new TableSecond("orders", 4, 0, 0, ordersWriteUnits, 0, 0, 0);
        return new FlashSaleResult(PLAN, 0, 0, List.of(TableStats.first(last)));
    }

    private static double demand(List<QuotaCheck> checks, String name) {
        return check(checks, name).demand();
    }

    private static QuotaCheck check(List<QuotaCheck> checks, String name) {
        return checks.stream().filter(c -> c.quota().name().equals(name)).findFirst().orElseThrow();
    }
}
