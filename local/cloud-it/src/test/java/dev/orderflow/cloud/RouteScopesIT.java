package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route with {@code AuthorizationScopes} admits a JWT whose {@code scope} claim holds one of them
 * and answers others as API Gateway does: 403 {@code {"message":"Forbidden"}}. Boots the
 * synthesized stack with {@code orderflow/admin} required on {@code GET /me}.
 */
class RouteScopesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;
    private static LocalCloud cloud;

    @BeforeAll
    static void boot() throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(SharedCloud.template().toFile());
        int scoped = 0;
        for (Map.Entry<String, JsonNode> r : template.path("Resources").properties()) {
            JsonNode p = r.getValue().path("Properties");
            if (r.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::Route")
                    && p.path("RouteKey").asText().equals("GET /me")) {
                ((ObjectNode) p).putArray("AuthorizationScopes").add("orderflow/admin");
                scoped++;
            }
        }
        assertThat(scoped).isEqualTo(1);
        Path file = dir.resolve("Orderflow-scoped.template.json");
        JSON.writeValue(file.toFile(), template);
        cloud = CloudSteps.onFreePorts(file, SharedCloud.handlerJar()).start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void scopedRoute_admitsATokenWithTheScope() throws Exception {
        String token =
                cloud.token(
                        "root",
                        List.of("openid", "orderflow/admin"),
                        List.of(),
                        Duration.ofMinutes(5));

        assertThat(me(token).statusCode()).isEqualTo(200);
    }

    @Test
    void scopedRoute_isForbidden_forATokenWithoutTheScope() throws Exception {
        String token =
                cloud.token("bob", List.of("orderflow/read"), List.of(), Duration.ofMinutes(5));

        HttpResponse<String> response = me(token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void scopedRoute_isForbidden_forATokenWithNoScopeClaim() throws Exception {
        String token = cloud.token("carol", List.of(), List.of(), Duration.ofMinutes(5));

        assertThat(me(token).statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> me(String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(cloud.gatewayEndpoint() + "/me"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
