package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stage's {@code DefaultRouteSettings} throttle, as deployed: a token bucket of {@code
 * ThrottlingBurstLimit} that refills at {@code ThrottlingRateLimit} per second, and beyond it API
 * Gateway's own 429. Boots its own cloud from the synthesized template, because the shared one runs
 * without the throttle (see {@link SharedCloud}).
 */
class StageThrottleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;
    private static int burst;
    private static double rate;

    @BeforeAll
    static void boot() throws Exception {
        JsonNode settings = null;
        for (JsonNode resource : JSON.readTree(SharedCloud.template().toFile()).path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::ApiGatewayV2::Stage")) {
                settings = resource.path("Properties").path("DefaultRouteSettings");
            }
        }
        assertThat(settings).as("the stage's DefaultRouteSettings").isNotNull();
        burst = settings.path("ThrottlingBurstLimit").asInt();
        rate = settings.path("ThrottlingRateLimit").asDouble();
        assertThat(burst).isPositive();
        cloud = CloudSteps.onFreePorts(SharedCloud.template(), SharedCloud.handlerJar()).start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aBurstBeyondTheLimit_getsApiGatewaysOwn429_forWhatTheBucketCannotCover() throws Exception {
        int requests = burst * 2;
        int ok = 0;
        List<String> unexpected = new ArrayList<>();
        List<HttpResponse<String>> throttled = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(clients.submit(StageThrottleIT::health));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    ok++;
                } else if (response.statusCode() == 429) {
                    throttled.add(response);
                } else {
                    unexpected.add(response.statusCode() + " " + response.body());
                }
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(unexpected).isEmpty();
        // The bucket starts full, so the burst always passes; on top of it, at most what refilled.
        assertThat(ok).isBetween(burst, burst + (int) Math.ceil(rate * seconds) + 1);
        assertThat(throttled).isNotEmpty();
        for (HttpResponse<String> response : throttled) {
            assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        }
    }

    private static HttpResponse<String> health() throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(cloud.gatewayEndpoint() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
