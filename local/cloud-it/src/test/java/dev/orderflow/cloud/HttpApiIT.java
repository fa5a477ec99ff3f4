package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;

    @BeforeAll
    static void boot() {
        cloud = SharedCloud.get();
    }

    @Test
    void health_isServedByTheHealthFunction_withoutToken() throws Exception {
        HttpResponse<String> response = get("/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("UP");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void products_listsTheSeededActiveCatalog() throws Exception {
        HttpResponse<String> response = get("/products?limit=50", null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> skus = json(response).path("items").findValuesAsText("sku");
        assertThat(skus).contains("MUG-BLUE", "CAP-BLACK").doesNotContain("POSTER-OLD");
    }

    @Test
    void products_passesQueryStringsToTheHandler_whenLimitIsInvalid() throws Exception {
        HttpResponse<String> response = get("/products?limit=abc", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void me_returnsTheCallerFromFlattenedClaims_withLocallyMintedToken() throws Exception {
        String token =
                cloud.token(
                        "alice",
                        List.of("orderflow/admin"),
                        List.of("admins"),
                        Duration.ofMinutes(5));

        HttpResponse<String> response = get("/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.path("subject").asText()).isNotBlank();
        assertThat(me.path("groups").findValuesAsText("")).isEmpty();
        assertThat(me.path("groups").get(0).asText()).isEqualTo("admins");
        assertThat(me.path("scopes").toString()).contains("orderflow/admin");
        assertThat(me.path("admin").asBoolean()).isTrue();
    }

    @Test
    void me_isUnauthorized_withoutToken() throws Exception {
        HttpResponse<String> response = get("/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void me_isUnauthorized_withExpiredToken() throws Exception {
        String token = cloud.token("bob", List.of(), List.of(), Duration.ofSeconds(-10));

        HttpResponse<String> response = get("/me", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("expired"));
    }

    @Test
    void me_isUnauthorized_withGarbageToken() throws Exception {
        HttpResponse<String> response = get("/me", "not.a.jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("message").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void unknownRoute_isApiGatewaysNotFound() throws Exception {
        HttpResponse<String> response = get("/nope", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void preflight_answersFromTheTemplatesCorsConfiguration() throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(uri("/products"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:3000")
                        .header("Access-Control-Request-Method", "GET")
                        .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin"))
                .hasValue("http://localhost:3000");
        assertThat(response.headers().firstValue("access-control-max-age")).hasValue("3600");
    }

    private static HttpResponse<String> get(String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(cloud.gatewayEndpoint() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
