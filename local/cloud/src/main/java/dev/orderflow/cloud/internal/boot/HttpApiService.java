package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.edge.EdgeRouter;
import dev.orderflow.cloud.internal.gateway.HttpApiGateway;
import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.cloud.internal.template.AuthorizerSpec;
import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.HttpApiSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP API gateway with its JWT authorizer, and the local issuer of its tokens, whose JWKS and
 * token endpoints (and the cloud's status) are served on the edge, also for a template without an
 * HTTP API.
 */
public final class HttpApiService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final EdgeService edge;
    private final LambdaRuntimeService lambdas;
    private final List<String> lines = new ArrayList<>();
    private LocalIssuer issuer;
    private HttpApiGateway gateway;

    public HttpApiService(
            BootSettings settings, CfnStack stack, EdgeService edge, LambdaRuntimeService lambdas) {
        this.settings = settings;
        this.stack = stack;
        this.edge = edge;
        this.lambdas = lambdas;
    }

    @Override
    public void start() {
        Optional<HttpApiSpec> api = stack.httpApi();
        Optional<AuthorizerSpec> authorizer =
                api.stream()
                        .flatMap(a -> a.routes().stream())
                        .flatMap(r -> r.authorizer().stream())
                        .findFirst();
        EdgeRouter router = edge.router();
        String issuerUrl =
                authorizer.map(AuthorizerSpec::issuer).orElse(router.endpoint() + "/local-issuer");
        String clientId =
                authorizer.flatMap(a -> a.audiences().stream().findFirst()).orElse("local-client");
        issuer =
                LocalIssuer.create(
                        issuerUrl,
                        clientId,
                        settings.clock(),
                        settings.dataDir().map(d -> d.resolve("issuer-key.json")));
        String jwksPath =
                "/"
                        + issuerUrl.substring(issuerUrl.lastIndexOf('/') + 1)
                        + "/.well-known/jwks.json";
        router.local(jwksPath, call -> LocalEndpoints.jwks(issuer));
        router.local("/_local/jwks.json", call -> LocalEndpoints.jwks(issuer));
        router.local("/_local/token", call -> LocalEndpoints.token(call, issuer));
        router.local(
                "/_local/status",
                call -> LocalEndpoints.status(router.endpoint(), endpoint(), lambdas.runtime()));
        if (api.isEmpty()) {
            return;
        }
        gateway =
                new HttpApiGateway(
                        settings.stageThrottle() ? api.get() : api.get().withoutThrottle(),
                        BootSettings.ACCOUNT,
                        lambdas.runtime(),
                        issuer,
                        settings.clock(),
                        "127.0.0.1",
                        settings.gatewayPort());
        for (var route : api.get().routes()) {
            lines.add(
                    "route    "
                            + route.routeKey()
                            + " -> "
                            + route.functionName()
                            + route.authorizer().map(a -> " [JWT " + a.name() + "]").orElse(""));
        }
        lines.add("issuer   " + issuerUrl + " (JWKS " + router.endpoint() + jwksPath + ")");
    }

    /** The HTTP API's base URL; empty when the template has none. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(gateway).map(HttpApiGateway::endpoint);
    }

    public LocalIssuer issuer() {
        return issuer;
    }

    @Override
    public List<String> describe() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
    }
}
