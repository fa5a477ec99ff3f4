package dev.orderflow.cloud.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.template.HttpApiSpec;
import dev.orderflow.protocol.FrontServer;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import dev.orderflow.protocol.HttpService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API emulator: route selection, JWT authorizer, CORS, stage throttling, payload format
 * 2.0 to the Lambda proxy integration and back, and API Gateway's own error bodies. Served by the
 * shared front; each request runs on a worker thread, as the integration waits for the function.
 */
public final class HttpApiGateway implements HttpService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);

    /** API Gateway's payload quota for HTTP APIs: 10 MB. */
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final HttpApiSpec api;
    private final RouteTable routes;
    private final HttpEventFactory events;
    private final LambdaRuntime lambdas;
    private final JwtVerifier verifier;
    private final Optional<TokenBucket> throttle;
    private final Clock clock;
    private final FrontServer server;

    public HttpApiGateway(
            HttpApiSpec api,
            String accountId,
            LambdaRuntime lambdas,
            LocalIssuer issuer,
            Clock clock,
            String host,
            int port) {
        this.api = api;
        this.routes = new RouteTable(api.routes());
        this.events = new HttpEventFactory(api.apiId(), accountId);
        this.lambdas = lambdas;
        this.verifier = new JwtVerifier(issuer.publicKey(), clock);
        this.throttle = api.throttle().map(t -> new TokenBucket(t.ratePerSecond(), t.burst()));
        this.clock = clock;
        this.server = FrontServer.builder("http-api", this).host(host).port(port).start();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY;
    }

    @Override
    public HttpAnswer tooLarge(HttpCall call) {
        return message(new Reply(), 413, "Request Entity Too Large").closing();
    }

    @Override
    public HttpAnswer internalError(HttpCall call, RuntimeException failure) {
        return message(new Reply(), 500, "Internal Server Error");
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        String requestId = requestId();
        Reply reply = new Reply();
        reply.set("apigw-requestid", requestId);
        String method = call.method();
        String path = call.path();
        String origin = call.header("origin");
        if (method.equals("OPTIONS")
                && origin != null
                && api.cors().isPresent()
                && call.header("access-control-request-method") != null) {
            return preflight(reply, origin);
        }
        corsHeaders(reply, origin);
        if (throttle.isPresent() && !throttle.get().tryTake()) {
            return message(reply, 429, "Too Many Requests");
        }
        try {
            Optional<RouteTable.Match> match = routes.match(method, path);
            if (match.isEmpty()) {
                return message(reply, 404, "Not Found");
            }
            return serve(call, reply, match.get(), requestId);
        } catch (MalformedPercentEncoding e) {
            return message(reply, 400, "Bad Request");
        }
    }

    private HttpAnswer serve(HttpCall call, Reply reply, RouteTable.Match match, String requestId) {
        var route = match.route();
        Map<String, Object> claims = null;
        List<String> scopes = null;
        if (route.authorizer().isPresent()) {
            JwtVerifier.Verdict verdict =
                    verifier.verify(
                            call.header("authorization"),
                            route.authorizer().get(),
                            route.authorizationScopes());
            if (!verdict.valid()) {
                if (verdict.forbidden()) {
                    reply.set(
                            "www-authenticate",
                            "Bearer scope=\""
                                    + String.join(" ", route.authorizationScopes())
                                    + "\" error=\"insufficient_scope\"");
                    return message(reply, 403, "Forbidden");
                }
                reply.set(
                        "www-authenticate",
                        "Bearer scope=\"\" error=\"invalid_token\" error_description=\""
                                + verdict.error()
                                + "\"");
                return message(reply, 401, "Unauthorized");
            }
            claims = verdict.claims();
            if (!route.authorizationScopes().isEmpty()) {
                Object scope = claims.get("scope");
                scopes = scope == null ? List.of() : List.of(String.valueOf(scope).split("\\s+"));
            }
        }
        Instant now = clock.instant();
        JsonNode event = events.create(call, match, requestId, now, claims, scopes);
        String target = route.functionName() + route.qualifier().map(q -> ":" + q).orElse("");
        InvocationResult result;
        try {
            result = lambdas.invoke(target, Json.bytes(event));
        } catch (LambdaException e) {
            LOG.warn("{} {}: integration failed: {}", route.routeKey(), requestId, e.getMessage());
            return e.status() == 429
                    ? message(reply, 429, "Too Many Requests")
                    : message(reply, 500, "Internal Server Error");
        }
        if (result instanceof InvocationResult.FunctionError error) {
            LOG.warn("{} {}: function error {}", route.routeKey(), requestId, error.errorMessage());
            return message(reply, 500, "Internal Server Error");
        }
        HttpAnswer answer = respond(reply, result.payload());
        LOG.info(
                "{} {} -> {} ({} {})",
                call.method(),
                call.path(),
                answer.status(),
                route.routeKey(),
                requestId);
        return answer;
    }

    /** Interprets a format 2.0 response (AWS docs "Lambda function response for format 2.0"). */
    private static HttpAnswer respond(Reply reply, byte[] payload) {
        JsonNode out;
        try {
            out = Json.parse(payload);
        } catch (IOException e) {
            return reply.answer(200, "application/json", payload);
        }
        if (!out.isObject() || !out.has("statusCode")) {
            return reply.answer(200, "application/json", payload);
        }
        out.path("headers").properties().forEach(h -> reply.set(h.getKey(), h.getValue().asText()));
        out.path("multiValueHeaders")
                .properties()
                .forEach(
                        h -> {
                            List<String> values = new ArrayList<>();
                            h.getValue().forEach(v -> values.add(v.asText()));
                            reply.headers.put(h.getKey(), values);
                        });
        out.path("cookies").forEach(c -> reply.add("Set-Cookie", c.asText()));
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
        String type = reply.remove("content-type");
        return reply.answer(out.path("statusCode").asInt(200), type, body);
    }

    private HttpAnswer preflight(Reply reply, String origin) {
        HttpApiSpec.CorsSpec cors = api.cors().orElseThrow();
        if (allowed(cors, origin)) {
            reply.set(
                    "access-control-allow-origin",
                    cors.allowOrigins().contains("*") ? "*" : origin);
            reply.set("access-control-allow-methods", String.join(",", cors.allowMethods()));
            if (!cors.allowHeaders().isEmpty()) {
                reply.set("access-control-allow-headers", String.join(",", cors.allowHeaders()));
            }
            if (cors.maxAgeSeconds() > 0) {
                reply.set("access-control-max-age", String.valueOf(cors.maxAgeSeconds()));
            }
            if (cors.allowCredentials()) {
                reply.set("access-control-allow-credentials", "true");
            }
        }
        return reply.answer(204, null, new byte[0]);
    }

    private void corsHeaders(Reply reply, String origin) {
        if (origin == null || api.cors().isEmpty()) {
            return;
        }
        HttpApiSpec.CorsSpec cors = api.cors().get();
        if (!allowed(cors, origin)) {
            return;
        }
        reply.set("access-control-allow-origin", cors.allowOrigins().contains("*") ? "*" : origin);
        if (!cors.exposeHeaders().isEmpty()) {
            reply.set("access-control-expose-headers", String.join(",", cors.exposeHeaders()));
        }
        if (cors.allowCredentials()) {
            reply.set("access-control-allow-credentials", "true");
        }
    }

    private static boolean allowed(HttpApiSpec.CorsSpec cors, String origin) {
        return cors.allowOrigins().contains("*") || cors.allowOrigins().contains(origin);
    }

    private static HttpAnswer message(Reply reply, int status, String message) {
        byte[] body = Json.bytes(Json.object().put("message", message));
        return reply.answer(status, "application/json", body);
    }

    private static String requestId() {
        String id = UUID.randomUUID().toString().replace("-", "");
        return id.substring(0, 14) + "=";
    }

    @Override
    public void close() {
        server.close();
    }

    /** The headers of an answer being built; names as the function gave them. */
    private static final class Reply {
        private final Map<String, List<String>> headers = new LinkedHashMap<>();

        void set(String name, String value) {
            remove(name);
            headers.put(name, new ArrayList<>(List.of(value)));
        }

        void add(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }

        /** Removes the header whatever its case; returns its first value or null. */
        String remove(String name) {
            String found = null;
            for (var it = headers.entrySet().iterator(); it.hasNext(); ) {
                var h = it.next();
                if (h.getKey().equalsIgnoreCase(name)) {
                    found = found == null ? h.getValue().get(0) : found;
                    it.remove();
                }
            }
            return found;
        }

        HttpAnswer answer(int status, String contentType, byte[] body) {
            return new HttpAnswer(status, contentType, body, headers, false, false);
        }
    }
}
