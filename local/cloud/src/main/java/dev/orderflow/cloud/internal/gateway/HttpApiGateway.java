package dev.orderflow.cloud.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.template.HttpApiSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API emulator: route selection, JWT authorizer, CORS, stage throttling, payload format
 * 2.0 to the Lambda proxy integration and back, and API Gateway's own error bodies.
 */
public final class HttpApiGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);

    private final HttpApiSpec api;
    private final RouteTable routes;
    private final HttpEventFactory events;
    private final LambdaRuntime lambdas;
    private final JwtVerifier verifier;
    private final Optional<TokenBucket> throttle;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads;

    public HttpApiGateway(
            HttpApiSpec api,
            String accountId,
            LambdaRuntime lambdas,
            LocalIssuer issuer,
            Clock clock,
            String host,
            int port)
            throws IOException {
        this.api = api;
        this.routes = new RouteTable(api.routes());
        this.events = new HttpEventFactory(api.apiId(), accountId);
        this.lambdas = lambdas;
        this.verifier = new JwtVerifier(issuer.publicKey(), clock);
        this.throttle = api.throttle().map(t -> new TokenBucket(t.ratePerSecond(), t.burst()));
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        this.threads = Executors.newFixedThreadPool(32, daemon("http-api"));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n =
                new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = requestId();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("apigw-requestid", requestId);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (method.equals("OPTIONS")
                    && origin != null
                    && api.cors().isPresent()
                    && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
                preflight(exchange, origin);
                return;
            }
            corsHeaders(exchange.getResponseHeaders(), origin);
            if (throttle.isPresent() && !throttle.get().tryTake()) {
                message(exchange, 429, "Too Many Requests");
                return;
            }
            Optional<RouteTable.Match> match = routes.match(method, path);
            if (match.isEmpty()) {
                message(exchange, 404, "Not Found");
                return;
            }
            serve(exchange, body, match.get(), requestId);
        } catch (RuntimeException e) {
            LOG.error("gateway failure on {}", exchange.getRequestURI(), e);
            message(exchange, 500, "Internal Server Error");
        }
    }

    private void serve(HttpExchange exchange, byte[] body, RouteTable.Match match, String requestId)
            throws IOException {
        var route = match.route();
        Map<String, Object> claims = null;
        List<String> scopes = null;
        if (route.authorizer().isPresent()) {
            JwtVerifier.Verdict verdict =
                    verifier.verify(
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            route.authorizer().get(),
                            route.authorizationScopes());
            if (!verdict.valid()) {
                if (verdict.forbidden()) {
                    exchange.getResponseHeaders()
                            .set(
                                    "www-authenticate",
                                    "Bearer scope=\""
                                            + String.join(" ", route.authorizationScopes())
                                            + "\" error=\"insufficient_scope\"");
                    message(exchange, 403, "Forbidden");
                } else {
                    exchange.getResponseHeaders()
                            .set(
                                    "www-authenticate",
                                    "Bearer scope=\"\" error=\"invalid_token\" error_description=\""
                                            + verdict.error()
                                            + "\"");
                    message(exchange, 401, "Unauthorized");
                }
                return;
            }
            claims = verdict.claims();
            if (!route.authorizationScopes().isEmpty()) {
                Object scope = claims.get("scope");
                scopes = scope == null ? List.of() : List.of(String.valueOf(scope).split("\\s+"));
            }
        }
        Instant now = clock.instant();
        JsonNode event = events.create(exchange, body, match, requestId, now, claims, scopes);
        String target = route.functionName() + route.qualifier().map(q -> ":" + q).orElse("");
        InvocationResult result;
        try {
            result = lambdas.invoke(target, Json.bytes(event));
        } catch (LambdaException e) {
            LOG.warn("{} {}: integration failed: {}", route.routeKey(), requestId, e.getMessage());
            message(
                    exchange,
                    e.status() == 429 ? 429 : 500,
                    e.status() == 429 ? "Too Many Requests" : "Internal Server Error");
            return;
        }
        if (result instanceof InvocationResult.FunctionError) {
            LOG.warn(
                    "{} {}: function error {}",
                    route.routeKey(),
                    requestId,
                    ((InvocationResult.FunctionError) result).errorMessage());
            message(exchange, 500, "Internal Server Error");
            return;
        }
        respond(exchange, result.payload());
        LOG.info(
                "{} {} -> {} ({} {})",
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                exchange.getResponseCode(),
                route.routeKey(),
                requestId);
    }

    /** Interprets a format 2.0 response (AWS docs "Lambda function response for format 2.0"). */
    private void respond(HttpExchange exchange, byte[] payload) throws IOException {
        JsonNode out;
        try {
            out = Json.parse(payload);
        } catch (IOException e) {
            send(exchange, 200, "application/json", payload);
            return;
        }
        if (!out.isObject() || !out.has("statusCode")) {
            send(exchange, 200, "application/json", payload);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        out.path("headers")
                .fields()
                .forEachRemaining(h -> headers.set(h.getKey(), h.getValue().asText()));
        out.path("multiValueHeaders")
                .fields()
                .forEachRemaining(
                        h -> {
                            List<String> values = new ArrayList<>();
                            h.getValue().forEach(v -> values.add(v.asText()));
                            headers.put(h.getKey(), values);
                        });
        out.path("cookies").forEach(c -> headers.add("Set-Cookie", c.asText()));
        JsonNode bodyNode = out.path("body");
        byte[] body;
        if (bodyNode.isMissingNode() || bodyNode.isNull()) {
            body = new byte[0];
        } else if (out.path("isBase64Encoded").asBoolean(false)
                || out.path("base64Encoded").asBoolean(false)) {
            body = Base64.getDecoder().decode(bodyNode.asText());
        } else {
            body = bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, out.path("statusCode").asInt(200), null, body);
    }

    private void preflight(HttpExchange exchange, String origin) throws IOException {
        HttpApiSpec.CorsSpec cors = api.cors().orElseThrow();
        Headers h = exchange.getResponseHeaders();
        if (allowed(cors, origin)) {
            h.set("access-control-allow-origin", cors.allowOrigins().contains("*") ? "*" : origin);
            h.set("access-control-allow-methods", String.join(",", cors.allowMethods()));
            if (!cors.allowHeaders().isEmpty()) {
                h.set("access-control-allow-headers", String.join(",", cors.allowHeaders()));
            }
            if (cors.maxAgeSeconds() > 0) {
                h.set("access-control-max-age", String.valueOf(cors.maxAgeSeconds()));
            }
            if (cors.allowCredentials()) {
                h.set("access-control-allow-credentials", "true");
            }
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void corsHeaders(Headers h, String origin) {
        if (origin == null || api.cors().isEmpty()) {
            return;
        }
        HttpApiSpec.CorsSpec cors = api.cors().get();
        if (!allowed(cors, origin)) {
            return;
        }
        h.set("access-control-allow-origin", cors.allowOrigins().contains("*") ? "*" : origin);
        if (!cors.exposeHeaders().isEmpty()) {
            h.set("access-control-expose-headers", String.join(",", cors.exposeHeaders()));
        }
        if (cors.allowCredentials()) {
            h.set("access-control-allow-credentials", "true");
        }
    }

    private static boolean allowed(HttpApiSpec.CorsSpec cors, String origin) {
        return cors.allowOrigins().contains("*") || cors.allowOrigins().contains(origin);
    }

    private static void message(HttpExchange exchange, int status, String message)
            throws IOException {
        byte[] body = Json.bytes(Json.object().put("message", message));
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String requestId() {
        String id = UUID.randomUUID().toString().replace("-", "");
        return id.substring(0, 14) + "=";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
