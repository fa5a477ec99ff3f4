package dev.orderflow.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Lambda function as orderflow runs them: Java 21 on arm64 with SnapStart (the client graph is
 * built in static init, so restoring a snapshot skips it), active tracing, its own log group with
 * retention, and a role that may write only to that log group until grants add more.
 */
public final class ServiceFunction extends Construct {

    /** The settings every function shares (Powertools reads these). */
    public static final Map<String, String> POWERTOOLS_ENV =
            Map.of(
                    "POWERTOOLS_SERVICE_NAME", "orderflow",
                    "POWERTOOLS_LOG_LEVEL", "INFO",
                    "POWERTOOLS_METRICS_NAMESPACE", "Orderflow");

    /** The handler class, e.g. {@code dev.orderflow.functions.health.HealthHandler}. */
    public final String handler;

    public final Function function;

    /** The published version callers use, so SnapStart applies. */
    public final Alias live;

    public final LogGroup logGroup;

    /**
     * @param handler the handler class, e.g. {@code dev.orderflow.functions.health.HealthHandler}
     * @param environment variables on top of {@link #POWERTOOLS_ENV}
     */
    public ServiceFunction(
            Construct scope,
            String id,
            Code code,
            String handler,
            Map<String, String> environment,
            Duration timeout) {
        super(scope, id);
        this.handler = handler;
        logGroup =
                LogGroup.Builder.create(this, "Logs")
                        .retention(RetentionDays.ONE_MONTH)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build();
        Role role =
                Role.Builder.create(this, "Role")
                        .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                        .description("Runs " + handler)
                        .build();
        role.addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(
                                List.of(
                                        logGroup.getLogGroupArn(),
                                        logGroup.getLogGroupArn() + ":*"))
                        .build());
        var env = new java.util.HashMap<>(POWERTOOLS_ENV);
        env.putAll(environment);
        function =
                Function.Builder.create(this, "Function")
                        .runtime(Runtime.JAVA_21)
                        .architecture(Architecture.ARM_64)
                        .code(code)
                        .handler(handler)
                        .memorySize(1024)
                        .timeout(timeout)
                        .role(role)
                        .logGroup(logGroup)
                        .tracing(Tracing.ACTIVE)
                        .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                        .environment(env)
                        .build();
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "The 'live' alias below publishes a version on every code change.");
        live =
                Alias.Builder.create(this, "Live")
                        .aliasName("live")
                        .version(function.getCurrentVersion())
                        .build();
    }
}
