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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** Requests in flight at most, well within any limit on open connections. */
    private static final int MAX_OUTSTANDING = 64;

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
        // Requests go out without waiting for answers until the first 429 comes back, to a route
        // whose authorizer answers them at once (the throttle comes first, as on AWS): clients
        // that waited on a function would, on a busy machine, arrive slower than the bucket
        // refills and never meet the limit. The cap is far beyond what the bucket can cover.
        int cap = burst * 20;
        Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
        AtomicBoolean sawThrottle = new AtomicBoolean();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < cap && !sawThrottle.get(); i++) {
            outstanding.acquire();
            answers.add(
                    HTTP.sendAsync(ordersWithoutToken(), HttpResponse.BodyHandlers.ofString())
                            .whenComplete(
                                    (answer, failure) -> {
                                        outstanding.release();
                                        if (answer != null && answer.statusCode() == 429) {
                                            sawThrottle.set(true);
                                        }
                                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;

        int admitted = 0;
        List<String> unexpected = new ArrayList<>();
        List<HttpResponse<String>> throttled = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            if (response.statusCode() == 401) {
                admitted++;
            } else if (response.statusCode() == 429) {
                throttled.add(response);
            } else {
                unexpected.add(response.statusCode() + " " + response.body());
            }
        }
        assertThat(unexpected).isEmpty();
        // The bucket starts full, so the burst always passes; on top of it, at most what refilled.
        assertThat(admitted).isBetween(burst, burst + (int) Math.ceil(rate * seconds) + 1);
        assertThat(throttled).isNotEmpty();
        for (HttpResponse<String> response : throttled) {
            assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        }
    }

    private static HttpRequest ordersWithoutToken() {
        return HttpRequest.newBuilder(URI.create(cloud.gatewayEndpoint() + "/orders")).build();
    }
}
