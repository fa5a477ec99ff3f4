package dev.orderflow.infra.constructs;

import dev.orderflow.infra.OrderflowConfig;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
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
 * group.
 */
public final class Identity extends Construct {

    /** The resource server's identifier; scopes are {@code orderflow/<name>}. */
    public static final String RESOURCE_SERVER = "orderflow";

    public final UserPool userPool;
    public final UserPoolClient webClient;

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
        UserPoolResourceServer server =
                userPool.addResourceServer(
                        "Api",
                        software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions
                                .builder()
                                .identifier(RESOURCE_SERVER)
                                .scopes(List.of(admin))
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
        CfnUserPoolGroup.Builder.create(this, "Admins")
                .userPoolId(userPool.getUserPoolId())
                .groupName("admins")
                .description("Operators of the store")
                .build();
    }
}
