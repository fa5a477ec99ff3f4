package dev.orderflow.cloud.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns when each order's saga ended from the local Step Functions API (executions are named after
 * their order): one {@code ListExecutions} sweep a second instead of a GET per order, so watching
 * adds little load to the stack under test.
 */
final class SagaWatcher {

    private final HttpClient http;
    private final URI edge;
    private final String stateMachineArn;

    /** Order id to the epoch millisecond its saga stopped. */
    private final Map<String, Long> stopped = new ConcurrentHashMap<>();

    private SagaWatcher(HttpClient http, URI edge, String stateMachineArn) {
        this.http = http;
        this.edge = edge;
        this.stateMachineArn = stateMachineArn;
    }

    /** Finds the order saga: the only state machine, or the one named for fulfillment. */
    static SagaWatcher forOrderSaga(HttpClient http, URI edge) throws IOException {
        JsonNode machines =
                call(http, edge, "ListStateMachines", Json.object()).path("stateMachines");
        String only =
                machines.size() == 1 ? machines.get(0).path("stateMachineArn").asText() : null;
        for (JsonNode m : machines) {
            if (m.path("name").asText().toLowerCase(Locale.ROOT).contains("fulfillment")) {
                only = m.path("stateMachineArn").asText();
            }
        }
        if (only == null) {
            throw new IOException("no order saga state machine in the running stack");
        }
        return new SagaWatcher(http, edge, only);
    }

    /** Reads every execution once and records those of {@code wanted} that have stopped. */
    void sweep(Map<String, ?> wanted) throws IOException {
        String next = null;
        do {
            var request =
                    Json.object().put("stateMachineArn", stateMachineArn).put("maxResults", 1000);
            if (next != null) {
                request.put("nextToken", next);
            }
            JsonNode page = call(http, edge, "ListExecutions", request);
            for (JsonNode e : page.path("executions")) {
                String name = e.path("name").asText();
                if (!e.path("status").asText().equals("RUNNING")
                        && wanted.containsKey(name)
                        && !stopped.containsKey(name)) {
                    stopped.put(name, Math.round(e.path("stopDate").asDouble() * 1000));
                }
            }
            next = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (next != null);
    }

    /** When the saga of {@code orderId} stopped (epoch ms), or null while it runs. */
    Long stoppedAt(String orderId) {
        return stopped.get(orderId);
    }

    int stoppedCount() {
        return stopped.size();
    }

    private static JsonNode call(HttpClient http, URI edge, String operation, JsonNode body)
            throws IOException {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(edge.resolve("/"))
                                    .header("X-Amz-Target", "AWSStepFunctions." + operation)
                                    .header("Content-Type", "application/x-amz-json-1.0")
                                    .timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(Json.text(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(operation + " answered " + r.statusCode() + ": " + r.body());
            }
            return Json.parse(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
