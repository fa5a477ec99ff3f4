package dev.orderflow.adapters.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A transactional-mail API as providers offer it, on a free local port: {@code POST /emails} with a
 * bearer key and an {@code Idempotency-Key}. A key seen before is answered like the first time and
 * delivers nothing new, as real providers do. It keeps every request and every delivery, so tests
 * assert on what the customer would have received.
 */
public final class FakeMailServer implements AutoCloseable {

    /** One request as the server saw it, and its answer. */
    public record Request(String idempotencyKey, String authorization, String body, int status) {}

    /** One mail that reached the customer. */
    public record Delivery(String idempotencyKey, String body) {}

    public static final String API_KEY = "test-mail-key";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Integer> scriptedFailures = new ConcurrentLinkedQueue<>();

    public FakeMailServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/emails", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The API's base URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The next request is answered with this status and delivers nothing. */
    public void failNext(int status) {
        scriptedFailures.add(status);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        int status = answer(exchange.getRequestMethod(), key, auth, body);
        synchronized (this) {
            requests.add(new Request(key, auth, body, status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private synchronized int answer(String method, String key, String auth, String body) {
        if (!("Bearer " + API_KEY).equals(auth)) {
            return 401;
        }
        if (!"POST".equals(method) || key == null || key.isBlank()) {
            return 400;
        }
        Integer failure = scriptedFailures.poll();
        if (failure != null) {
            return failure;
        }
        deliveries.putIfAbsent(key, new Delivery(key, body));
        return 202;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
