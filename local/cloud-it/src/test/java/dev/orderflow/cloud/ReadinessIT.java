package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /health/ready} on the local stack: the readiness function, wired from the template as
 * on AWS, describes the region's tables and the saga's state machine through the local engines.
 */
class ReadinessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void ready_isServedWithoutToken_withEveryCheckUp() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        URI ready = URI.create(cloud.gatewayEndpoint() + "/health/ready");
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();

        // A fresh function's first round may still be loading SDK classes when its 1 s limit
        // ends (a 503 cached for 10 s); the region's answer settles on the next round.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            answer.set(
                                    HTTP.send(
                                            HttpRequest.newBuilder(ready).GET().build(),
                                            HttpResponse.BodyHandlers.ofString()));
                            return answer.get().statusCode() == 200;
                        });

        HttpResponse<String> response = answer.get();
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("READY");
        List<String> names = List.of("orders", "inventory", "centers", "products", "saga");
        assertThat(body.path("checks").size()).isEqualTo(names.size());
        for (String name : names) {
            assertThat(body.path("checks").path(name).asText()).as(name).isEqualTo("UP");
        }
    }
}
