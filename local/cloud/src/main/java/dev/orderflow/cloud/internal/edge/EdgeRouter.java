package dev.orderflow.cloud.internal.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.protocol.SigV4;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single AWS endpoint ({@code AWS_ENDPOINT_URL}): picks the service of each call from {@code
 * X-Amz-Target}, the Lambda REST path, or the SigV4 credential scope, and forwards it unchanged to
 * that service's loopback server. Local extras live under {@code /_local/}.
 */
public final class EdgeRouter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeRouter.class);
    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "connection",
                    "content-length",
                    "expect",
                    "host",
                    "upgrade",
                    "transfer-encoding",
                    "keep-alive");
    private static final Map<String, String> TARGET_SERVICES =
            Map.of(
                    "DynamoDB_20120810", "dynamodb",
                    "DynamoDBStreams_20120810", "dynamodb",
                    "AmazonSQS", "sqs",
                    "AWSStepFunctions", "states");

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final Map<String, URI> services = new ConcurrentHashMap<>();
    private final Map<String, LocalRoute> local = new ConcurrentHashMap<>();
    private volatile LambdaApi lambdaApi;

    /** A handler for a path under the edge owned by the local cloud itself. */
    @FunctionalInterface
    public interface LocalRoute {
        void handle(HttpExchange exchange) throws IOException;
    }

    public EdgeRouter(String host, int port) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        AtomicInteger n = new AtomicInteger();
        this.threads =
                Executors.newFixedThreadPool(
                        64,
                        r -> {
                            Thread t = new Thread(r, "edge-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port());
    }

    /** Routes a service name (SigV4 scope name: dynamodb, sqs, states) to a server. */
    public void route(String service, URI target) {
        services.put(service, target);
    }

    public void lambda(LambdaRuntime runtime) {
        this.lambdaApi = new LambdaApi(runtime, threads);
    }

    /** Serves {@code path} (exact) from the local cloud itself. */
    public void local(String path, LocalRoute route) {
        local.put(path, route);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            LocalRoute own = local.get(path);
            if (own != null) {
                own.handle(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (LambdaApi.handles(path) && lambdaApi != null) {
                lambdaApi.handle(exchange, body);
                return;
            }
            Optional<String> service = service(exchange, body);
            URI target = service.map(services::get).orElse(null);
            if (target == null) {
                unknown(exchange, service.orElse("unknown"));
                return;
            }
            forward(exchange, target, body);
        } catch (RuntimeException e) {
            LOG.error("edge failure on {}", exchange.getRequestURI(), e);
            ObjectNode error =
                    Json.object()
                            .put("__type", "InternalFailure")
                            .put("message", String.valueOf(e));
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            Edge.send(exchange, 500, Json.bytes(error));
        }
    }

    /** X-Amz-Target first, then the SigV4 credential scope, then the SQS query protocol. */
    static Optional<String> service(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.contains(".")) {
            String prefix = target.substring(0, target.indexOf('.'));
            String service = TARGET_SERVICES.get(prefix);
            if (service != null) {
                return Optional.of(service);
            }
        }
        Optional<SigV4.Scope> scope =
                SigV4.scope(exchange.getRequestHeaders().getFirst("Authorization"));
        if (scope.isPresent()) {
            return Optional.of(scope.get().service());
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null
                && contentType.startsWith("application/x-www-form-urlencoded")
                && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("Action=")) {
            return Optional.of("sqs");
        }
        return Optional.empty();
    }

    private void forward(HttpExchange exchange, URI target, byte[] body) throws IOException {
        URI uri =
                target.resolve(
                        exchange.getRequestURI().getRawPath()
                                + (exchange.getRequestURI().getRawQuery() == null
                                        ? ""
                                        : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                exchange.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) -> {
                            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                                values.forEach(v -> request.header(name, v));
                            }
                        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        response.headers()
                .map()
                .forEach(
                        (name, values) -> {
                            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
                                    && !name.startsWith(":")) {
                                exchange.getResponseHeaders().put(name, List.copyOf(values));
                            }
                        });
        Edge.send(exchange, response.statusCode(), response.body());
    }

    private static void unknown(HttpExchange exchange, String service) throws IOException {
        ObjectNode error =
                Json.object()
                        .put("__type", "UnknownServiceException")
                        .put(
                                "message",
                                "The local cloud does not emulate the service '"
                                        + service
                                        + "' (it emulates dynamodb, sqs, states, lambda)");
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", "UnknownServiceException");
        Edge.send(exchange, 400, Json.bytes(error));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
