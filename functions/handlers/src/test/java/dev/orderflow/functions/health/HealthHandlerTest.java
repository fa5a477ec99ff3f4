package dev.orderflow.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.TestContext;
import org.junit.jupiter.api.Test;

class HealthHandlerTest {

    @Test
    void handleRequest_reportsUpWithTheServiceName_andCountsTheRequest() {
        var metrics = new RecordingMetrics();
        var handler = new HealthHandler(metrics, "orderflow-dev");

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(
                        SampleEvents.http("apigw-get-health.json"), new TestContext("r"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .isEqualTo("{\"status\":\"UP\",\"service\":\"orderflow-dev\"}");
        assertThat(metrics.flushed("Requests")).isEqualTo(1.0);
        assertThat(metrics.coldStartCalls()).isEqualTo(1);
    }
}
