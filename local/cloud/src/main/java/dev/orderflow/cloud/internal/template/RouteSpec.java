package dev.orderflow.cloud.internal.template;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP API route.
 *
 * @param routeKey {@code "GET /path/{id}"} or {@code "$default"}
 * @param functionName the Lambda behind the AWS_PROXY integration
 * @param qualifier the alias or version in the integration ARN, if any
 * @param authorizer the JWT authorizer when AuthorizationType is JWT
 */
public record RouteSpec(
        String routeKey,
        String functionName,
        Optional<String> qualifier,
        String payloadFormatVersion,
        Optional<AuthorizerSpec> authorizer,
        List<String> authorizationScopes) {
    public RouteSpec {
        authorizationScopes = List.copyOf(authorizationScopes);
    }
}
