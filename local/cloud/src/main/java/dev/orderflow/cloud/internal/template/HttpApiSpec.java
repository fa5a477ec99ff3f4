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
