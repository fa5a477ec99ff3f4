package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.edge.EdgeRouter;
import dev.orderflow.cloud.internal.gateway.HttpApiGateway;
import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.HttpApiSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP API gateway with its JWT authorizer (over the tokens of {@link IssuerService}), and the
 * cloud's status on the edge, served also for a template without an HTTP API.
 */
public final class HttpApiService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final EdgeService edge;
    private final LambdaRuntimeService lambdas;
    private final List<String> lines = new ArrayList<>();
    private final IssuerService issuer;
    private HttpApiGateway gateway;

    public HttpApiService(
            BootSettings settings,
            CfnStack stack,
            EdgeService edge,
            IssuerService issuer,
            LambdaRuntimeService lambdas) {
        this.settings = settings;
        this.issuer = issuer;
        this.stack = stack;
        this.edge = edge;
        this.lambdas = lambdas;
    }

    @Override
    public void start() {
        Optional<HttpApiSpec> api = stack.httpApi();
        EdgeRouter router = edge.router();
        router.local(
                "/_local/status",
                call -> LocalEndpoints.status(router.endpoint(), endpoint(), lambdas.runtime()));
        if (api.isEmpty()) {
            return;
        }
        HttpApiSpec spec = settings.stageThrottle() ? api.get() : api.get().withoutThrottle();
        if (settings.trustedIssuer().isPresent()) {
            spec = spec.withIssuer(settings.trustedIssuer().get().issuer());
        }
        gateway =
                new HttpApiGateway(
                        spec,
                        BootSettings.ACCOUNT,
                        lambdas.runtime(),
                        issuer.issuer(),
                        settings.clock(),
                        "127.0.0.1",
                        settings.gatewayPort());
        for (var route : spec.routes()) {
            lines.add(
                    "route    "
                            + route.routeKey()
                            + " -> "
                            + route.functionName()
                            + route.authorizer().map(a -> " [JWT " + a.name() + "]").orElse(""));
        }
    }

    /** The HTTP API's base URL; empty when the template has none. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(gateway).map(HttpApiGateway::endpoint);
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
