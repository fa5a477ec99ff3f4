package dev.orderflow.cloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls from the CLI to a running local cloud's edge. */
final class EdgeCalls {

    private final URI edge;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    EdgeCalls(int port) {
        this.edge = URI.create("http://localhost:" + port);
    }

    URI edge() {
        return edge;
    }

    /** Whether a local cloud answers on the port. */
    boolean running() {
        try {
            return get("/_local/status").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(edge.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(edge.resolve(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** An AWS JSON 1.0 call through the edge, e.g. {@code AWSStepFunctions.ListStateMachines}. */
    JsonNode awsJson(String target, JsonNode body) throws IOException {
        HttpResponse<String> r =
                post(
                        "/",
                        Json.text(body),
                        "X-Amz-Target",
                        target,
                        "Content-Type",
                        "application/x-amz-json-1.0");
        JsonNode json = Json.parse(r.body().isEmpty() ? "{}" : r.body());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(
                    json.path("__type").asText("error")
                            + ": "
                            + json.path("message").asText(r.body()));
        }
        return json;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(
                    request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ConnectException(
                    "no local cloud at " + edge + ": start it with ./orderflow up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
