package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer's journey through the gateway, the real handlers and the DynamoDB engine. */
class OrdersApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORDER =
            "{\"items\":[{\"sku\":\"MUG-BLUE\",\"quantity\":2}],"
                    + "\"address\":{\"country\":\"DE\",\"region\":\"BY\",\"city\":\"Munich\","
                    + "\"postalCode\":\"80331\",\"street\":\"Marienplatz 1\"}}";

    private static LocalCloud cloud;

    @BeforeAll
    static void boot() {
        cloud = SharedCloud.get();
    }

    private static String tokenFor(String user) {
        return cloud.token(user, List.of(), List.of(), Duration.ofMinutes(5));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws Exception {
        return HTTP.send(
                request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(
                URI.create(cloud.gatewayEndpoint().toString().replaceAll("/$", "") + path));
    }

    private static HttpResponse<String> place(String token, String key, String body)
            throws Exception {
        return send(
                at("/orders")
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    @Test
    void placeThenRead_returnsThePendingOrder_andReplaysTheSameKey() throws Exception {
        String alice = tokenFor("alice-" + UUID.randomUUID());
        String key = "checkout-" + UUID.randomUUID();

        HttpResponse<String> placed = place(alice, key, ORDER);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String location = placed.headers().firstValue("location").orElseThrow();
        JsonNode accepted = JSON.readTree(placed.body());
        assertThat(location).isEqualTo("/orders/" + accepted.get("orderId").asText());

        HttpResponse<String> replay = place(alice, key, ORDER);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(placed.body());

        HttpResponse<String> read = send(at(location).GET(), alice);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode order = JSON.readTree(read.body());
        // The saga may have moved it on already (OrderSagaIT follows it to the end).
        assertThat(accepted.get("status").asText()).isEqualTo("PENDING");
        assertThat(order.get("status").asText())
                .isIn("PENDING", "RESERVED", "PAID", "SHIPPING", "SHIPPED");
        assertThat(order.at("/total/amount").asText())
                .isEqualTo(accepted.at("/total/amount").asText());

        HttpResponse<String> listed = send(at("/orders?limit=5").GET(), alice);
        assertThat(JSON.readTree(listed.body()).findValuesAsText("orderId"))
                .containsExactly(accepted.get("orderId").asText());
    }

    @Test
    void anotherCustomer_getsNotFound_andSeesNoneOfTheOrder() throws Exception {
        HttpResponse<String> placed =
                place(tokenFor("alice-" + UUID.randomUUID()), "k-" + UUID.randomUUID(), ORDER);
        String location = placed.headers().firstValue("location").orElseThrow();

        HttpResponse<String> read =
                send(at(location).GET(), tokenFor("mallory-" + UUID.randomUUID()));

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("Marienplatz", "MUG-BLUE");
    }

    @Test
    void badInput_getsA400ProblemNamingTheField() throws Exception {
        HttpResponse<String> response =
                place(
                        tokenFor("bob-" + UUID.randomUUID()),
                        "k-" + UUID.randomUUID(),
                        ORDER.replace("\"quantity\":2", "\"quantity\":0"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type"))
                .hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText())
                .isEqualTo("items[0].quantity");
    }
}
