package dev.orderflow.cloud.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP API as a well-behaved client uses it: a bearer token, an Idempotency-Key per order, and
 * 429/502/503/504 answers retried with capped exponential back-off and full jitter (the same key,
 * so a retry never places a second order).
 */
final class ShopClient {

    static final int MAX_ATTEMPTS = 10;
    private static final long BASE_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 2_000;

    /** A POST /orders outcome: the order id when accepted, else the last status and body. */
    record Placed(Optional<String> orderId, int status, String body, int attempts) {}

    private final HttpClient http;
    private final URI api;
    private final URI edge;

    ShopClient(HttpClient http, URI api, URI edge) {
        this.http = http;
        this.api = api;
        this.edge = edge;
    }

    /** A token from the local issuer (the JWT authorizer accepts it). */
    String token(String user, boolean admin) throws IOException {
        String query = "/_local/token?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        if (admin) {
            query += "&scope=orderflow%2Fadmin&group=admins";
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(edge.resolve(query)).GET());
        if (r.statusCode() != 200) {
            throw new IOException("the local issuer answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body()).path("access_token").asText();
    }

    Placed placeOrder(String token, String idempotencyKey, String sku, String address)
            throws IOException {
        ObjectNode body = Json.object();
        body.putArray("items").addObject().put("sku", sku).put("quantity", 1);
        String[] place = address.split("-", 2);
        body.putObject("address")
                .put("country", place[0])
                .put("region", place[1])
                .put("city", "Load Test City")
                .put("postalCode", "00000")
                .put("street", "Benchmark Street 1");
        String json = Json.text(body);
        HttpResponse<String> r = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            r =
                    send(
                            HttpRequest.newBuilder(api.resolve("/orders"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Idempotency-Key", idempotencyKey)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json)));
            if (r.statusCode() == 202 || r.statusCode() == 200 || r.statusCode() == 201) {
                return new Placed(
                        Optional.of(Json.parse(r.body()).path("orderId").asText()),
                        r.statusCode(),
                        r.body(),
                        attempt);
            }
            if (!retryable(r.statusCode())) {
                return new Placed(Optional.empty(), r.statusCode(), r.body(), attempt);
            }
            backOff(attempt);
        }
        return new Placed(Optional.empty(), r.statusCode(), r.body(), MAX_ATTEMPTS);
    }

    /** GET /orders/{id}; retried like a POST when throttled. */
    JsonNode order(String token, String orderId) throws IOException {
        HttpResponse<String> r = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            r =
                    send(
                            HttpRequest.newBuilder(api.resolve("/orders/" + orderId))
                                    .header("Authorization", "Bearer " + token)
                                    .GET());
            if (r.statusCode() == 200) {
                return Json.parse(r.body());
            }
            if (!retryable(r.statusCode())) {
                break;
            }
            backOff(attempt);
        }
        throw new IOException("GET /orders/" + orderId + " answered " + r.statusCode());
    }

    /** POST an admin stock adjustment of {@code delta} units. */
    void adjustStock(String token, String sku, String center, int delta) throws IOException {
        String path =
                "/admin/stock/"
                        + URLEncoder.encode(sku, StandardCharsets.UTF_8)
                        + "/"
                        + URLEncoder.encode(center, StandardCharsets.UTF_8)
                        + "/adjustments";
        HttpResponse<String> r =
                send(
                        HttpRequest.newBuilder(api.resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"delta\":" + delta + "}")));
        if (r.statusCode() != 200) {
            throw new IOException(
                    "stock adjustment of "
                            + sku
                            + " at "
                            + center
                            + " answered "
                            + r.statusCode()
                            + ": "
                            + r.body());
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static void backOff(int attempt) throws IOException {
        long cap = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
