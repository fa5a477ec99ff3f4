package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.cloud.internal.lambda.fixture.ProbeJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payload format 2.0 details, with a probe function that echoes its event. */
class GatewayPayloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir static Path dir;
    private static LocalCloud cloud;

    @BeforeAll
    static void boot() throws Exception {
        cloud =
                CloudSteps.onFreePorts(
                                Path.of("src/test/resources/esm-template.json"),
                                ProbeJar.build(dir))
                        .start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(cloud.gatewayEndpoint() + path))
                        .header("Content-Type", contentType)
                        .header("Cookie", "a=1; b=2")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void event_carriesPathParametersQueryStringCookiesAndATextBody() throws Exception {
        HttpResponse<String> response =
                post(
                        "/probe/o-1/a/b?x=1&x=2",
                        "application/json",
                        "{\"k\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(response.body()).path("event");
        assertThat(event.path("routeKey").asText()).isEqualTo("ANY /probe/{id}/{rest+}");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("o-1");
        assertThat(event.path("pathParameters").path("rest").asText()).isEqualTo("a/b");
        assertThat(event.path("queryStringParameters").path("x").asText()).isEqualTo("1,2");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1&x=2");
        assertThat(event.path("cookies").toString()).contains("a=1", "b=2");
        assertThat(event.path("body").asText()).isEqualTo("{\"k\":1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.path("requestContext").path("http").path("method").asText())
                .isEqualTo("POST");
    }

    @Test
    void event_base64EncodesBinaryBodies() throws Exception {
        byte[] binary = {0, 1, 2, (byte) 255};

        HttpResponse<String> response = post("/probe/o-2/x", "application/octet-stream", binary);

        JsonNode event = JSON.readTree(response.body()).path("event");
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(binary);
    }

    @Test
    void handlerCrash_isApiGatewaysInternalServerError() throws Exception {
        HttpResponse<String> response = post("/probe/o-3/crash", "application/json", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
}
