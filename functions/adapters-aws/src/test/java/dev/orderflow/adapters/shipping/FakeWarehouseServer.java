package dev.orderflow.adapters.shipping;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A warehouse system's HTTP API on loopback, as {@link HttpWarehouse} expects it: {@code POST
 * /shipments} stores the body under its {@code Idempotency-Key} (a repeat stores nothing new and is
 * answered 200 instead of 202). It can be told to refuse (409), to fail (503) or to hang.
 */
final class FakeWarehouseServer implements AutoCloseable {

    enum Mode {
        ACCEPT,
        REFUSE,
        FAIL,
        HANG
    }

    private final HttpServer server;
    private final Map<String, String> shipments = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Mode mode = Mode.ACCEPT;

    FakeWarehouseServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wms/shipments", this::shipment);
        server.start();
    }

    /** The base URL a center states as its warehouse endpoint. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wms");
    }

    void answer(Mode next) {
        mode = next;
    }

    /** Stored shipments by idempotency key. */
    Map<String, String> shipments() {
        return Map.copyOf(shipments);
    }

    int requests() {
        return requests.get();
    }

    private void shipment(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        switch (mode) {
            case REFUSE -> respond(exchange, 409, "{\"reason\":\"MUG-BLUE out of stock\"}");
            case FAIL -> respond(exchange, 503, "{\"reason\":\"maintenance\"}");
            case HANG -> {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 202, "{}");
            }
            case ACCEPT -> {
                if (!"POST".equals(exchange.getRequestMethod()) || key == null) {
                    respond(exchange, 400, "{\"reason\":\"POST with an Idempotency-Key\"}");
                    return;
                }
                boolean isNew = shipments.putIfAbsent(key, body) == null;
                respond(exchange, isNew ? 202 : 200, "{\"shipmentId\":\"" + key + "\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
