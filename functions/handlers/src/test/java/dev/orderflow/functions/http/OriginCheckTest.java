package dev.orderflow.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.adapters.secrets.FakeSecretsManager;
import dev.orderflow.adapters.secrets.SecretsManagerSecretText;
import dev.orderflow.domain.health.CheckReadiness;
import dev.orderflow.domain.testfixtures.ScriptedProbe;
import dev.orderflow.functions.health.HealthHandler;
import dev.orderflow.functions.health.ReadinessHandler;
import dev.orderflow.functions.orders.PlaceOrderHandler;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The origin check end to end: handlers whose check reads the secret through the real Secrets
 * Manager client and Powertools from a Secrets Manager served on a loopback port (AWS JSON 1.1).
 */
class OriginCheckTest {

    private static final String ARN =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:orderflow/dev/origin-Ab12Cd";
    private static final String SECRET = "8f1b3c0e-origin-verify-value";

    private final FakeSecretsManager secretsManager = new FakeSecretsManager();
    private final SecretsManagerClient client =
            SecretsManagerClient.builder()
                    .endpointOverride(secretsManager.endpoint())
                    .region(Region.EU_CENTRAL_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create("AKIDTEST", "secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
    private final OriginCheck check =
            OriginCheck.requiring(new SecretsManagerSecretText(client, ARN));
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final Shop shop = new Shop();

    OriginCheckTest() throws IOException {
        secretsManager.put(ARN, SECRET);
    }

    @AfterEach
    void stop() {
        client.close();
        secretsManager.close();
    }

    private static APIGatewayV2HTTPEvent withHeader(String file, String name, String value) {
        APIGatewayV2HTTPEvent event = SampleEvents.http(file);
        Map<String, String> headers =
                new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        if (name != null) {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    private APIGatewayV2HTTPResponse health(APIGatewayV2HTTPEvent event) {
        return new HealthHandler(metrics, "orderflow", check)
                .handleRequest(event, new TestContext("r"));
    }

    @Test
    void aRequestWithTheSecret_isServed_whateverTheHeaderNamesCase() {
        assertThat(health(withHeader("apigw-get-health.json", "x-origin-verify", SECRET)))
                .extracting(APIGatewayV2HTTPResponse::getStatusCode)
                .isEqualTo(200);
        assertThat(health(withHeader("apigw-get-health.json", "X-Origin-Verify", SECRET)))
                .extracting(APIGatewayV2HTTPResponse::getStatusCode)
                .isEqualTo(200);
        assertThat(secretsManager.reads()).as("read once, then cached").isEqualTo(1);
    }

    @Test
    void aRequestWithoutTheHeader_orWithAnotherValue_is403ProblemJson() throws Exception {
        for (APIGatewayV2HTTPEvent event :
                new APIGatewayV2HTTPEvent[] {
                    withHeader("apigw-get-health.json", null, null),
                    withHeader("apigw-get-health.json", "x-origin-verify", SECRET + "x"),
                    withHeader("apigw-get-health.json", "x-origin-verify", ""),
                    withHeader("apigw-get-health.json", "x-other", SECRET)
                }) {
            APIGatewayV2HTTPResponse response = health(event);

            assertThat(response.getStatusCode()).isEqualTo(403);
            assertThat(response.getHeaders())
                    .containsEntry("Content-Type", "application/problem+json");
            var problem = new ObjectMapper().readTree(response.getBody());
            assertThat(problem.get("type").asText())
                    .isEqualTo("https://orderflow.dev/problems/origin-not-verified");
            assertThat(problem.get("status").asInt()).isEqualTo(403);
            assertThat(response.getBody()).doesNotContain(SECRET);
        }
        assertThat(metrics.flushed("OriginRefused")).isEqualTo(4);
    }

    @Test
    void aRefusedRequest_neverReachesItsHandler() {
        var place = new PlaceOrderHandler(shop.placeOrder(), metrics, check);

        APIGatewayV2HTTPResponse refused =
                place.handleRequest(
                        withHeader("apigw-post-orders.json", "x-origin-verify", "guess"),
                        new TestContext("r"));
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(shop.orders.size()).as("only the stored order").isEqualTo(1);

        APIGatewayV2HTTPResponse served =
                place.handleRequest(
                        withHeader("apigw-post-orders.json", "x-origin-verify", SECRET),
                        new TestContext("r"));
        assertThat(served.getStatusCode()).isEqualTo(202);
        assertThat(shop.orders.size()).isEqualTo(2);
    }

    @Test
    void theReadinessCheck_refusesARequestThatDidNotComeThroughTheDistribution_beforeProbing() {
        var orders = new ScriptedProbe("orders");
        var ready =
                new ReadinessHandler(
                        new CheckReadiness(List.of(orders), Clock.systemUTC()), metrics, check);

        assertThat(
                        ready.handleRequest(
                                        withHeader("apigw-get-health-ready.json", null, null),
                                        new TestContext("r"))
                                .getStatusCode())
                .isEqualTo(403);
        assertThat(orders.checks()).isZero();
        assertThat(
                        ready.handleRequest(
                                        withHeader(
                                                "apigw-get-health-ready.json",
                                                "x-origin-verify",
                                                SECRET),
                                        new TestContext("r"))
                                .getStatusCode())
                .isEqualTo(200);
        assertThat(orders.checks()).isEqualTo(1);
    }

    @Test
    void withoutASecret_everyRequestIsServed() {
        assertThat(
                        new HealthHandler(metrics, "orderflow", OriginCheck.none())
                                .handleRequest(
                                        withHeader("apigw-get-health.json", null, null),
                                        new TestContext("r"))
                                .getStatusCode())
                .isEqualTo(200);
        assertThat(secretsManager.reads()).isZero();
    }

    @Test
    void aSecretsManagerThatCannotBeReached_is503_notAnOpenDoor() {
        secretsManager.close();

        APIGatewayV2HTTPResponse response =
                health(withHeader("apigw-get-health.json", "x-origin-verify", SECRET));

        assertThat(response.getStatusCode()).isEqualTo(503);
    }
}
