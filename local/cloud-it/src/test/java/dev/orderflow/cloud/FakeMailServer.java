package dev.orderflow.cloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A transactional-mail API on a free local port ({@code POST /v1/emails}, bearer key, {@code
 * Idempotency-Key}), standing in for the provider the notifier's {@code NOTIFIER=http} channel
 * calls. It keeps every request, so saga tests assert on what the sender sent.
 */
final class FakeMailServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String idempotencyKey, String body) {}

    static final String API_KEY = "local-mail-key";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeMailServer() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/emails", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The API's base URL, as {@code MAIL_API_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The requests that carried this idempotency key, in arrival order. */
    List<Request> requestsWithKey(String key) {
        return requests.stream().filter(r -> key.equals(r.idempotencyKey())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean authorized =
                ("Bearer " + API_KEY)
                        .equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (authorized && "POST".equals(exchange.getRequestMethod())) {
            requests.add(
                    new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        }
        exchange.sendResponseHeaders(authorized ? 202 : 401, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
