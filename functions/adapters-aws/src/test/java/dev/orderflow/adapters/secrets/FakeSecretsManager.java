package dev.orderflow.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager's {@code GetSecretValue} on a loopback port, in its AWS JSON 1.1 protocol, so the
 * real SDK client (pointed here by endpoint override) and Powertools read secrets from it. Shared
 * with the handlers' tests through this module's test jar.
 */
public final class FakeSecretsManager implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    public FakeSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void put(String name, String secretString) {
        secrets.put(name, secretString);
    }

    /** GetSecretValue calls answered, found or not. */
    public int reads() {
        return reads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                answer(exchange, 400, error("UnknownOperationException", "not served: " + target));
                return;
            }
            reads.incrementAndGet();
            String name = request.path("SecretId").asText();
            String value = secrets.get(name);
            if (value == null) {
                answer(
                        exchange,
                        400,
                        error(
                                "ResourceNotFoundException",
                                "Secrets Manager can't find the specified secret."));
                return;
            }
            ObjectNode found = JSON.createObjectNode();
            found.put("ARN", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:" + name);
            found.put("Name", name);
            found.put("SecretString", value);
            found.put("VersionId", "00000000-0000-0000-0000-000000000001");
            found.putArray("VersionStages").add("AWSCURRENT");
            answer(exchange, 200, found);
        }
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
