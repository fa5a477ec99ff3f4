package dev.orderflow.cloud.internal.template;

import java.util.List;
import java.util.Optional;

/** An HTTP API with its routes, CORS configuration and default stage throttling. */
public record HttpApiSpec(
        String logicalId,
        String apiId,
        String name,
        List<RouteSpec> routes,
        Optional<CorsSpec> cors,
        Optional<ThrottleSpec> throttle) {
    public HttpApiSpec {
        routes = List.copyOf(routes);
    }

    /** The same API with its stage throttling turned off (local load tests). */
    public HttpApiSpec withoutThrottle() {
        return new HttpApiSpec(logicalId, apiId, name, routes, cors, Optional.empty());
    }

    /**
     * The same API with every JWT authorizer trusting {@code issuer} instead of the template's: a
     * region of the local multi-region mode trusts the first region's user pool.
     */
    public HttpApiSpec withIssuer(String issuer) {
        List<RouteSpec> trusting =
                routes.stream()
                        .map(
                                r ->
                                        new RouteSpec(
                                                r.routeKey(),
                                                r.functionName(),
                                                r.qualifier(),
                                                r.payloadFormatVersion(),
                                                r.authorizer()
                                                        .map(
                                                                a ->
                                                                        new AuthorizerSpec(
                                                                                a.id(),
                                                                                a.name(),
                                                                                issuer,
                                                                                a.audiences(),
                                                                                a
                                                                                        .identitySource())),
                                                r.authorizationScopes()))
                        .toList();
        return new HttpApiSpec(logicalId, apiId, name, trusting, cors, throttle);
    }

    /** The API's CorsConfiguration. */
    public record CorsSpec(
            List<String> allowOrigins,
            List<String> allowMethods,
            List<String> allowHeaders,
            List<String> exposeHeaders,
            boolean allowCredentials,
            int maxAgeSeconds) {
        public CorsSpec {
            allowOrigins = List.copyOf(allowOrigins);
            allowMethods = List.copyOf(allowMethods);
            allowHeaders = List.copyOf(allowHeaders);
            exposeHeaders = List.copyOf(exposeHeaders);
        }
    }

    /** Token-bucket throttling: steady rate per second and burst size. */
    public record ThrottleSpec(double ratePerSecond, int burst) {}
}
