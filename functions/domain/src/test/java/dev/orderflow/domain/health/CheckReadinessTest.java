package dev.orderflow.domain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.testfixtures.AdjustableClock;
import dev.orderflow.domain.testfixtures.ScriptedProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckReadinessTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(START);
    private final ScriptedProbe orders = new ScriptedProbe("orders");
    private final ScriptedProbe saga = new ScriptedProbe("saga");

    private CheckReadiness readiness(ScriptedProbe... probes) {
        return new CheckReadiness(
                List.of(probes), clock, Duration.ofSeconds(10), Duration.ofMillis(200));
    }

    @Test
    void report_isReady_withEveryDependencyUp_inProbeOrder() {
        ReadinessReport report = readiness(orders, saga).report();

        assertThat(report.ready()).isTrue();
        assertThat(report.checks())
                .containsExactly(DependencyCheck.up("orders"), DependencyCheck.up("saga"));
        assertThat(report.checkedAt()).isEqualTo(START);
        assertThat(report.down()).isEmpty();
    }

    @Test
    void report_isNotReady_namingTheDependencyThatIsDown_andWhy() {
        saga.down("state machine arn:saga is DELETING");

        ReadinessReport report = readiness(orders, saga).report();

        assertThat(report.ready()).isFalse();
        assertThat(report.checks().get(0)).isEqualTo(DependencyCheck.up("orders"));
        assertThat(report.down())
                .singleElement()
                .satisfies(
                        check -> {
                            assertThat(check.name()).isEqualTo("saga");
                            assertThat(check.state()).isEqualTo(DependencyState.DOWN);
                            assertThat(check.reason())
                                    .isEqualTo("state machine arn:saga is DELETING is unavailable");
                        });
    }

    @Test
    void report_isServedFromCache_forTenSeconds_thenProbedAgain() {
        CheckReadiness readiness = readiness(orders, saga);
        readiness.report();
        saga.down("gone");

        clock.advance(Duration.ofMillis(9_999));
        ReadinessReport cached = readiness.report();
        clock.advance(Duration.ofMillis(1));
        ReadinessReport fresh = readiness.report();

        assertThat(cached.ready()).isTrue();
        assertThat(cached.checkedAt()).isEqualTo(START);
        assertThat(fresh.ready()).isFalse();
        assertThat(fresh.checkedAt()).isEqualTo(START.plusSeconds(10));
        assertThat(orders.checks()).isEqualTo(2);
        assertThat(saga.checks()).isEqualTo(2);
    }

    @Test
    void report_notReady_isCachedToo_soAFailingRegionIsNotProbedHarder() {
        CheckReadiness readiness = readiness(orders.down("throttled"));
        for (int i = 0; i < 50; i++) {
            readiness.report();
        }

        assertThat(orders.checks()).isEqualTo(1);
    }

    @Test
    void report_withAHangingProbe_isNotReadyWithinTheTimeLimit_andTheOthersStillCount()
            throws Exception {
        orders.hanging();
        try {
            ReadinessReport report =
                    CompletableFuture.supplyAsync(() -> readiness(orders, saga).report())
                            .get(5, TimeUnit.SECONDS);

            assertThat(report.ready()).isFalse();
            assertThat(report.checks())
                    .containsExactly(
                            DependencyCheck.down("orders", "no answer within 200 ms"),
                            DependencyCheck.up("saga"));
        } finally {
            orders.release();
        }
    }

    @Test
    void report_withAProbeFailingUnexpectedly_isDown_namingTheFailure() {
        DependencyProbe broken =
                new DependencyProbe() {
                    @Override
                    public String name() {
                        return "products";
                    }

                    @Override
                    public void check() {
                        throw new IllegalStateException("no credentials");
                    }
                };

        ReadinessReport report =
                new CheckReadiness(
                                List.of(broken),
                                clock,
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(1))
                        .report();

        assertThat(report.checks())
                .containsExactly(
                        DependencyCheck.down("products", "IllegalStateException: no credentials"));
    }

    @Test
    void report_withoutProbes_isReady() {
        assertThat(readiness().report().ready()).isTrue();
    }

    @Test
    void constructor_refusesTwoProbesOfOneName() {
        assertThatThrownBy(() -> readiness(orders, new ScriptedProbe("orders")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders");
    }

    @Test
    void constructor_refusesANonPositiveTimeLimit() {
        assertThatThrownBy(
                        () ->
                                new CheckReadiness(
                                        List.of(orders),
                                        clock,
                                        Duration.ofSeconds(10),
                                        Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaults_cacheForTenSeconds_andWaitOneSecond() {
        assertThat(CheckReadiness.CACHE_FOR).isEqualTo(Duration.ofSeconds(10));
        assertThat(CheckReadiness.PROBE_TIME_LIMIT).isEqualTo(Duration.ofSeconds(1));
        assertThat(new CheckReadiness(List.of(orders), clock).report().ready()).isTrue();
    }
}
