package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.edge.EdgeRouter;
import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.cloud.internal.template.AuthorizerSpec;
import dev.orderflow.cloud.internal.template.CfnStack;
import java.util.List;
import java.util.Optional;

/**
 * The local issuer of the HTTP API's tokens: its signing key (read from the data directory, else
 * generated: an RSA key takes a noticeable part of a boot, so this service starts beside the others
 * that need only the edge) and its JWKS and token endpoints on the edge, served also for a template
 * without an HTTP API.
 */
public final class IssuerService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final EdgeService edge;
    private LocalIssuer issuer;
    private String line;

    public IssuerService(BootSettings settings, CfnStack stack, EdgeService edge) {
        this.settings = settings;
        this.stack = stack;
        this.edge = edge;
    }

    @Override
    public void start() {
        Optional<AuthorizerSpec> authorizer =
                stack.httpApi().stream()
                        .flatMap(a -> a.routes().stream())
                        .flatMap(r -> r.authorizer().stream())
                        .findFirst();
        EdgeRouter router = edge.router();
        String issuerUrl =
                authorizer.map(AuthorizerSpec::issuer).orElse(router.endpoint() + "/local-issuer");
        String clientId =
                authorizer.flatMap(a -> a.audiences().stream().findFirst()).orElse("local-client");
        issuer =
                settings.trustedIssuer()
                        .orElseGet(
                                () ->
                                        LocalIssuer.create(
                                                issuerUrl,
                                                clientId,
                                                settings.clock(),
                                                settings.dataDir()
                                                        .map(d -> d.resolve("issuer-key.json"))));
        String jwksPath =
                "/"
                        + issuer.issuer().substring(issuer.issuer().lastIndexOf('/') + 1)
                        + "/.well-known/jwks.json";
        router.local(jwksPath, call -> LocalEndpoints.jwks(issuer));
        router.local("/_local/jwks.json", call -> LocalEndpoints.jwks(issuer));
        router.local("/_local/token", call -> LocalEndpoints.token(call, issuer));
        line =
                "issuer   "
                        + issuer.issuer()
                        + (settings.trustedIssuer().isPresent()
                                ? " (trusted, another stack's)"
                                : "")
                        + " (JWKS "
                        + router.endpoint()
                        + jwksPath
                        + ")";
    }

    /** The issuer, once started. */
    public LocalIssuer issuer() {
        return issuer;
    }

    @Override
    public List<String> describe() {
        return line == null || stack.httpApi().isEmpty() ? List.of() : List.of(line);
    }

    @Override
    public void close() {
        // nothing runs: the endpoints go with the edge
    }
}
