package dev.orderflow.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.health.CheckReadiness;
import dev.orderflow.domain.testfixtures.AdjustableClock;
import dev.orderflow.domain.testfixtures.ScriptedProbe;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdjustableClock clock =
            new AdjustableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ScriptedProbe orders = new ScriptedProbe("orders");
    private final ScriptedProbe inventory = new ScriptedProbe("inventory");
    private final ScriptedProbe saga = new ScriptedProbe("saga");
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ReadinessHandler handler =
            new ReadinessHandler(
                    new CheckReadiness(
                            List.of(orders, inventory, saga),
                            clock,
                            Duration.ofSeconds(10),
                            Duration.ofMillis(200)),
                    metrics);

    private APIGatewayV2HTTPResponse get() {
        return handler.handleRequest(
                SampleEvents.http("apigw-get-health-ready.json"), new TestContext("r"));
    }

    @Test
    void handleRequest_isReady_withEveryCheckUp_inProbeOrder() {
        APIGatewayV2HTTPResponse response = get();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Cache-Control", "no-store");
        assertThat(response.getBody())
                .isEqualTo(
                        "{\"status\":\"READY\",\"checks\":"
                                + "{\"orders\":\"UP\",\"inventory\":\"UP\",\"saga\":\"UP\"}}");
        assertThat(metrics.flushed("Requests")).isEqualTo(1.0);
        assertThat(metrics.flushed("DependenciesDown")).isEqualTo(0.0);
    }

    @Test
    void handleRequest_is503NotReadyProblem_namingWhatIsDown_butNotWhy() throws Exception {
        inventory.down("table orderflow-dev-inventory (not found)");

        APIGatewayV2HTTPResponse response = get();

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Cache-Control", "no-store");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/not-ready");
        assertThat(problem.get("title").asText()).isEqualTo("Not ready");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asText()).contains("inventory");
        assertThat(problem.get("instance").asText()).isEqualTo("Vx1aaReady000=");
        assertThat(problem.get("checks").toString())
                .isEqualTo("{\"orders\":\"UP\",\"inventory\":\"DOWN\",\"saga\":\"UP\"}");
        assertThat(response.getBody()).doesNotContain("orderflow-dev-inventory");
        assertThat(metrics.flushed("DependenciesDown")).isEqualTo(1.0);
        assertThat(metrics.flushed("ServerErrors")).isEqualTo(1.0);
    }

    @Test
    void handleRequest_withAHangingDependency_answers503Promptly() throws Exception {
        saga.hanging();
        try {
            APIGatewayV2HTTPResponse response = get();

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.getBody()).get("checks").get("saga").asText())
                    .isEqualTo("DOWN");
        } finally {
            saga.release();
        }
    }

    @Test
    void handleRequest_probesAtMostOncePerTenSeconds_howeverOftenAsked() {
        for (int i = 0; i < 20; i++) {
            get();
        }
        clock.advance(Duration.ofSeconds(10));
        get();

        assertThat(orders.checks()).isEqualTo(2);
        assertThat(saga.checks()).isEqualTo(2);
    }

    @Test
    void handleRequest_turnsReadyAgain_onceTheCachedReportExpires() {
        orders.down("throttled");
        assertThat(get().getStatusCode()).isEqualTo(503);
        orders.up();

        assertThat(get().getStatusCode()).as("still the cached report").isEqualTo(503);
        clock.advance(Duration.ofSeconds(10));
        assertThat(get().getStatusCode()).isEqualTo(200);
    }
}
