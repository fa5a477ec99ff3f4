package dev.orderflow.infra.constructs;

import dev.orderflow.infra.config.OrderflowConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The public HTTP API: JWT authorization by the user pool on every route that is not explicitly
 * public, JSON access logs, default stage throttling and configurable CORS.
 */
public final class HttpApiGateway extends Construct {

    /** One JSON line per request, with HTTP API's own context variables. */
    static final String ACCESS_LOG_FORMAT =
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                    + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\","
                    + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
                    + "\"responseLength\":\"$context.responseLength\","
                    + "\"latencyMs\":\"$context.responseLatency\","
                    + "\"integrationError\":\"$context.integrationErrorMessage\","
                    + "\"authorizerError\":\"$context.authorizer.error\"}";

    /**
     * Set on every function behind the HTTP API of a multi-region stack: the ARN of the secret
     * CloudFront sends as {@code X-Origin-Verify}; the HTTP entry point refuses a request without
     * it. Unset (no check) in the single-region stack and the local cloud.
     */
    public static final String ORIGIN_VERIFY_SECRET_ARN = "ORIGIN_VERIFY_SECRET_ARN";

    public final HttpApi api;
    public final HttpStage stage;
    public final LogGroup accessLogs;
    private final IHttpRouteAuthorizer authorizer;
    private final Optional<ISecret> originVerifySecret;
    private final Set<ServiceFunction> behindTheApi = new HashSet<>();
    private final List<HttpRoute> publicRoutes = new ArrayList<>();

    /**
     * @param authorizer checks the user pool's JWTs ({@link Identity#authorizer()}, or {@link
     *     Identity#trustedBy} in a region without the pool)
     * @param originVerifySecret the secret CloudFront sends as {@code X-Origin-Verify}, in a
     *     multi-region stack: each function a route calls gets its ARN as {@code
     *     ORIGIN_VERIFY_SECRET_ARN} and may read it (GetSecretValue, on it alone)
     */
    public HttpApiGateway(
            Construct scope,
            String id,
            OrderflowConfig config,
            IHttpRouteAuthorizer authorizer,
            Optional<ISecret> originVerifySecret) {
        super(scope, id);
        this.authorizer = authorizer;
        this.originVerifySecret = originVerifySecret;
        HttpApi.Builder builder =
                HttpApi.Builder.create(this, "Api")
                        .description("orderflow public API")
                        .createDefaultStage(false)
                        .defaultAuthorizer(authorizer);
        if (!config.allowedOrigins().isEmpty()) {
            builder.corsPreflight(
                    CorsPreflightOptions.builder()
                            .allowOrigins(config.allowedOrigins())
                            .allowMethods(
                                    List.of(
                                            CorsHttpMethod.GET,
                                            CorsHttpMethod.POST,
                                            CorsHttpMethod.PUT,
                                            CorsHttpMethod.OPTIONS))
                            .allowHeaders(
                                    List.of("authorization", "content-type", "idempotency-key"))
                            .maxAge(Duration.hours(1))
                            .build());
        }
        api = builder.build();
        accessLogs =
                LogGroup.Builder.create(this, "AccessLogs")
                        .retention(RetentionDays.THREE_MONTHS)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build();
        LogGroupLogDestination destination = new LogGroupLogDestination(accessLogs);
        stage =
                HttpStage.Builder.create(this, "DefaultStage")
                        .httpApi(api)
                        .stageName("$default")
                        .autoDeploy(true)
                        .throttle(
                                ThrottleSettings.builder()
                                        .rateLimit(config.throttleRatePerSecond())
                                        .burstLimit(config.throttleBurst())
                                        .build())
                        .accessLogSettings(
                                new IAccessLogSettings() {
                                    @Override
                                    public IAccessLogDestination getDestination() {
                                        return destination;
                                    }

                                    @Override
                                    public AccessLogFormat getFormat() {
                                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                                    }
                                })
                        .build();
    }

    /** Adds a route anyone may call. */
    public void addPublicRoute(HttpMethod method, String path, ServiceFunction target) {
        publicRoutes.addAll(addRoute(method, path, target, new HttpNoneAuthorizer(), List.of()));
    }

    /** Adds a route that needs a valid user pool token. */
    public void addAuthenticatedRoute(HttpMethod method, String path, ServiceFunction target) {
        addRoute(method, path, target, authorizer, List.of());
    }

    /**
     * Adds a route that needs a valid user pool token granting every one of {@code scopes}: API
     * Gateway itself refuses a token without them (403), before the function runs.
     */
    public void addScopedRoute(
            HttpMethod method, String path, ServiceFunction target, List<String> scopes) {
        addRoute(method, path, target, authorizer, scopes);
    }

    /** The routes anyone may call (cdk-nag suppressions name them one by one). */
    public List<HttpRoute> publicRoutes() {
        return List.copyOf(publicRoutes);
    }

    private List<HttpRoute> addRoute(
            HttpMethod method,
            String path,
            ServiceFunction target,
            IHttpRouteAuthorizer auth,
            List<String> scopes) {
        String name =
                method.name().charAt(0)
                        + method.name().substring(1).toLowerCase(java.util.Locale.ROOT)
                        + path.replaceAll("[^A-Za-z0-9]", "");
        AddRoutesOptions.Builder options =
                AddRoutesOptions.builder()
                        .path(path)
                        .methods(List.of(method))
                        .integration(new HttpLambdaIntegration(name + "Integration", target.live))
                        .authorizer(auth);
        if (!scopes.isEmpty()) {
            options.authorizationScopes(scopes);
        }
        originVerifySecret.ifPresent(secret -> checkOrigin(target, secret));
        return api.addRoutes(options.build());
    }

    private void checkOrigin(ServiceFunction target, ISecret secret) {
        if (behindTheApi.add(target)) {
            target.function.addEnvironment(ORIGIN_VERIFY_SECRET_ARN, secret.getSecretArn());
            target.function.addToRolePolicy(
                    PolicyStatement.Builder.create()
                            .actions(List.of("secretsmanager:GetSecretValue"))
                            .resources(List.of(secret.getSecretArn()))
                            .build());
        }
    }

    /** The host name of the API's own endpoint, {@code <id>.execute-api.<region>.<suffix>}. */
    public String endpointHost() {
        Stack stack = Stack.of(this);
        return api.getApiId() + ".execute-api." + stack.getRegion() + "." + stack.getUrlSuffix();
    }

    /** The API's base URL. */
    public String url() {
        return stage.getUrl();
    }
}
