package dev.orderflow.infra.services;

import dev.orderflow.infra.constructs.ServiceFunction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * Creates the stack's Lambda functions from the one shared handler artifact, each as its {@link
 * FunctionCatalog} entry describes it, and keeps them by construct id, so alarms, nag rules and
 * tests see every function however it was wired.
 */
public final class Functions {

    /** What a request-scoped function may take; the API's own timeout is 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.seconds(10);

    private final Construct scope;
    private final Code code;
    private final FunctionCatalog catalog;
    private final FunctionEnvironment environment;
    private final Map<String, ServiceFunction> byId = new LinkedHashMap<>();

    public Functions(
            Construct scope, Code code, FunctionCatalog catalog, FunctionEnvironment environment) {
        this.scope = scope;
        this.code = code;
        this.catalog = catalog;
        this.environment = environment;
    }

    /**
     * The catalog's function of that name, with its handler, environment and timeout.
     *
     * @throws IllegalArgumentException if the catalog has no such function, or it exists already
     */
    public ServiceFunction create(String name) {
        if (byId.containsKey(name)) {
            throw new IllegalArgumentException("function " + name + " exists already");
        }
        FunctionCatalog.Entry entry = catalog.entry(name);
        ServiceFunction fn =
                new ServiceFunction(
                        scope, name, code, entry.handler(), environment.of(entry), entry.timeout());
        byId.put(name, fn);
        return fn;
    }

    /** Every function, by construct id, in creation order. */
    public Map<String, ServiceFunction> all() {
        return Collections.unmodifiableMap(byId);
    }

    /**
     * Lets a function read one existing Secrets Manager secret, named (never created) by the stack.
     * Secrets Manager appends a dash and six random characters to a secret's name in its ARN; the
     * policy matches them with {@code -??????} (exactly six characters: no other secret's name
     * matches). A secret encrypted with the account's default {@code aws/secretsmanager} key needs
     * no KMS grant; one under a customer managed key needs {@code kms:Decrypt} added by its owner.
     */
    public ISecret readSecret(ServiceFunction fn, String constructId, String secretName) {
        ISecret secret = Secret.fromSecretNameV2(scope, constructId, secretName);
        allow(fn, secret.getSecretArn() + "-??????", "secretsmanager:GetSecretValue");
        return secret;
    }

    /** Lets a function call exactly these actions on exactly this resource. */
    public static void allow(ServiceFunction fn, String resourceArn, String... actions) {
        fn.function.addToRolePolicy(
                PolicyStatement.Builder.create()
                        .actions(List.of(actions))
                        .resources(List.of(resourceArn))
                        .build());
    }
}
