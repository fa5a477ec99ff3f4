package dev.orderflow.cloud.internal.boot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The local cloud's own endpoints on the edge: JWKS, token minting, status. */
final class LocalEndpoints {

    private LocalEndpoints() {}

    static HttpAnswer jwks(LocalIssuer issuer) {
        return json(200, issuer.jwks().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /_local/token?user=U&scope=S&group=G&ttl=3600}. */
    static HttpAnswer token(HttpCall call, LocalIssuer issuer) {
        String user = "demo";
        List<String> scopes = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        long ttl = 3600;
        String raw = call.query();
        if (raw != null) {
            for (String pair : raw.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = pair.substring(0, eq);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (key) {
                    case "user" -> user = value;
                    case "scope" -> scopes.add(value);
                    case "group" -> groups.add(value);
                    case "ttl" -> {
                        if (!value.matches("[0-9]{1,9}")) {
                            return json(
                                    400,
                                    Json.bytes(
                                            Json.object()
                                                    .put(
                                                            "message",
                                                            "ttl must be a number of seconds: "
                                                                    + value)));
                        }
                        ttl = Long.parseLong(value);
                    }
                    default -> {}
                }
            }
        }
        String token = issuer.mint(user, scopes, groups, Duration.ofSeconds(ttl));
        ObjectNode out = Json.object().put("access_token", token).put("token_type", "Bearer");
        out.put("expires_in", ttl);
        return json(200, Json.bytes(out));
    }

    static HttpAnswer status(URI edge, Optional<URI> gateway, LambdaRuntime lambdas) {
        ObjectNode out = Json.object();
        out.put("edge", edge.toString());
        gateway.ifPresentOrElse(
                g -> out.put("gateway", g.toString()), () -> out.putNull("gateway"));
        ArrayNode functions = out.putArray("functions");
        lambdas.functions()
                .forEach(
                        f ->
                                functions
                                        .addObject()
                                        .put("name", f.spec().name())
                                        .put("coldStarts", f.coldStarts()));
        return json(200, Json.bytes(out));
    }

    private static HttpAnswer json(int status, byte[] body) {
        return HttpAnswer.of(status, "application/json", body);
    }
}
