package dev.orderflow.infra.constructs;

import dev.orderflow.infra.config.OrderflowConfig;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizerProps;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.constructs.Construct;

/**
 * Who may call the API: a Cognito user pool issues the JWTs the HTTP API checks. A customer is the
 * token's {@code sub}; an admin holds the {@code orderflow/admin} scope or the {@code admins}
 * group; a fulfillment center's warehouse system holds the {@code orderflow/warehouse} scope, from
 * the client-credentials grant of the {@code WarehouseClient} app client (an operator shares its id
 * and secret with the warehouse, or adds one such client per warehouse).
 */
public final class Identity extends Construct {

    /** The resource server's identifier; scopes are {@code orderflow/<name>}. */
    public static final String RESOURCE_SERVER = "orderflow";

    /** The name of the JWT authorizer in every region's HTTP API. */
    private static final String AUTHORIZER = "UserPoolAuthorizer";

    public final UserPool userPool;
    public final UserPoolClient webClient;
    public final UserPoolClient warehouseClient;

    public Identity(Construct scope, String id, OrderflowConfig config) {
        super(scope, id);
        userPool =
                UserPool.Builder.create(this, "Users")
                        .selfSignUpEnabled(true)
                        .signInAliases(SignInAliases.builder().email(true).build())
                        .autoVerify(
                                software.amazon.awscdk.services.cognito.AutoVerifiedAttrs.builder()
                                        .email(true)
                                        .build())
                        .passwordPolicy(
                                PasswordPolicy.builder()
                                        .minLength(12)
                                        .requireDigits(true)
                                        .requireLowercase(true)
                                        .requireUppercase(true)
                                        .requireSymbols(true)
                                        .tempPasswordValidity(Duration.days(3))
                                        .build())
                        .mfa(Mfa.OPTIONAL)
                        .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                        .featurePlan(FeaturePlan.PLUS)
                        .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                        .accountRecovery(AccountRecovery.EMAIL_ONLY)
                        .deletionProtection(config.isProduction())
                        .removalPolicy(
                                config.isProduction()
                                        ? RemovalPolicy.RETAIN
                                        : RemovalPolicy.DESTROY)
                        .build();
        ResourceServerScope admin =
                ResourceServerScope.Builder.create()
                        .scopeName("admin")
                        .scopeDescription("Manage the catalog, stock and every order")
                        .build();
        ResourceServerScope warehouse =
                ResourceServerScope.Builder.create()
                        .scopeName("warehouse")
                        .scopeDescription("Report on shipments handed to a fulfillment center")
                        .build();
        UserPoolResourceServer server =
                userPool.addResourceServer(
                        "Api",
                        software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions
                                .builder()
                                .identifier(RESOURCE_SERVER)
                                .scopes(List.of(admin, warehouse))
                                .build());
        webClient =
                userPool.addClient(
                        "WebClient",
                        software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                                .authFlows(AuthFlow.builder().userSrp(true).build())
                                .generateSecret(false)
                                .preventUserExistenceErrors(true)
                                .oAuth(
                                        OAuthSettings.builder()
                                                .scopes(
                                                        List.of(
                                                                OAuthScope.OPENID,
                                                                OAuthScope.EMAIL,
                                                                OAuthScope.resourceServer(
                                                                        server, admin)))
                                                .build())
                                .build());
        // A machine client: client credentials only, with a secret, and no scope but the
        // warehouse's.
        warehouseClient =
                userPool.addClient(
                        "WarehouseClient",
                        software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                                .generateSecret(true)
                                .authFlows(AuthFlow.builder().build())
                                .oAuth(
                                        OAuthSettings.builder()
                                                .flows(
                                                        software.amazon.awscdk.services.cognito
                                                                .OAuthFlows.builder()
                                                                .clientCredentials(true)
                                                                .build())
                                                .scopes(
                                                        List.of(
                                                                OAuthScope.resourceServer(
                                                                        server, warehouse)))
                                                .build())
                                .build());
        CfnUserPoolGroup.Builder.create(this, "Admins")
                .userPoolId(userPool.getUserPoolId())
                .groupName("admins")
                .description("Operators of the store")
                .build();
    }

    /** The HTTP API authorizer of this pool's region: tokens of the pool's two app clients. */
    public IHttpRouteAuthorizer authorizer() {
        return new HttpUserPoolAuthorizer(
                AUTHORIZER,
                userPool,
                HttpUserPoolAuthorizerProps.builder()
                        .userPoolClients(List.of(webClient, warehouseClient))
                        .build());
    }

    /**
     * The authorizer of a region without a pool of its own (docs/multi-region.md, identity): it
     * trusts this pool's issuer and app clients, so one token works in every region. The values
     * reach the other region's stack as cross-region references.
     */
    public IHttpRouteAuthorizer trustedBy() {
        String issuer =
                "https://cognito-idp."
                        + Stack.of(this).getRegion()
                        + ".amazonaws.com/"
                        + userPool.getUserPoolId();
        return new HttpJwtAuthorizer(
                AUTHORIZER,
                issuer,
                HttpJwtAuthorizerProps.builder()
                        .jwtAudience(
                                List.of(
                                        webClient.getUserPoolClientId(),
                                        warehouseClient.getUserPoolClientId()))
                        .build());
    }
}
