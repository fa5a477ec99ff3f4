package dev.orderflow.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A fulfillment center's warehouse system on loopback, speaking the API orderflow's {@code
 * HttpWarehouse} calls: {@code POST /wms/shipments} stores the shipment under its {@code
 * Idempotency-Key} and answers 202 (200 for a key it has), then, on its own thread as a real
 * warehouse would later, reports through the callback the shipment names, on orderflow's HTTP API,
 * with a warehouse token: the reports a {@link Script} gives for the shipment.
 */
final class FakeWarehouse implements AutoCloseable {

    /** The reports (callback bodies) to send for a new shipment, in order. */
    interface Script extends Function<JsonNode, List<String>> {}

    /** One report sent and orderflow's answer. */
    record Callback(String path, String body, int status) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    private final ExecutorService reporter = Executors.newSingleThreadExecutor();
    private final Map<String, JsonNode> shipments = new ConcurrentHashMap<>();
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private final String api;
    private final String token;
    private final Script script;

    /**
     * @param api orderflow's HTTP API base URL
     * @param token a JWT with the {@code orderflow/warehouse} scope
     */
    FakeWarehouse(String api, String token, Script script) throws IOException {
        this.api = api.replaceAll("/$", "");
        this.token = token;
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wms/shipments", this::receive);
        server.start();
    }

    /** The base URL a center states as its warehouse endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wms";
    }

    /** Shipments received, by idempotency key. */
    Map<String, JsonNode> shipments() {
        return Map.copyOf(shipments);
    }

    List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** Sends one report now, as the warehouse would; orderflow's answer. */
    Callback report(String callbackPath, String body) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(api + callbackPath))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Callback sent = new Callback(callbackPath, body, response.statusCode());
            callbacks.add(sent);
            return sent;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        JsonNode shipment;
        try (InputStream in = exchange.getRequestBody()) {
            shipment = JSON.readTree(in.readAllBytes());
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        boolean isNew = key != null && shipments.putIfAbsent(key, shipment) == null;
        byte[] answer = ("{\"shipment\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(key == null ? 400 : isNew ? 202 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
        if (isNew) {
            String callback = shipment.get("callback").asText();
            reporter.execute(() -> script.apply(shipment).forEach(body -> report(callback, body)));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        reporter.shutdownNow();
    }
}
