package dev.orderflow.cloud;

import dev.orderflow.cloud.internal.boot.BootSettings;
import dev.orderflow.cloud.internal.boot.KeptQueues;
import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.dynamodb.DynamoDbEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Docker-free local cloud: boots a synthesized CloudFormation template into embedded servers
 * (our DynamoDB engine, ElasticMQ, our Step Functions engine, an in-process Lambda runtime) behind
 * one AWS edge endpoint, plus an HTTP API gateway emulator with a local JWT issuer.
 *
 * <p>Start with {@link #builder()}; {@link #close()} stops every server. Thread-safe after start.
 */
public final class LocalCloud implements AutoCloseable {

    private final CloudAssembly assembly;

    private LocalCloud(CloudAssembly assembly) {
        this.assembly = assembly;
    }

    /** A builder with the defaults of {@code ./orderflow up}: edge 4566, gateway 3000. */
    public static Builder builder() {
        return new Builder();
    }

    /** The AWS endpoint: point {@code AWS_ENDPOINT_URL} and SDK clients here. */
    public URI edgeEndpoint() {
        return assembly.edgeEndpoint();
    }

    /** The HTTP API's base URL. */
    public URI gatewayEndpoint() {
        return assembly.gatewayEndpoint();
    }

    /** What was booted, ignored and unsupported. */
    public BootReport report() {
        return assembly.report();
    }

    /**
     * Mints an access token the HTTP API's JWT authorizer accepts.
     *
     * @param user the username; the subject is a stable UUID derived from it
     * @param scopes OAuth scopes, e.g. {@code orderflow/admin}
     * @param groups Cognito groups, e.g. {@code admins}
     * @param ttl validity from now
     */
    public String token(String user, List<String> scopes, List<String> groups, Duration ttl) {
        return assembly.issuer().mint(user, scopes, groups, ttl);
    }

    /** The JWKS the local issuer publishes (also served at the edge). */
    public String jwks() {
        return assembly.issuer().jwks();
    }

    /**
     * Invokes a function synchronously.
     *
     * @param function function name, ARN, or (a prefix of) its logical id in the template
     * @param payload the event, as JSON
     * @throws LocalCloudException if no such function exists or it is throttled
     */
    public Invocation invoke(String function, String payload) {
        return assembly.invoke(function, payload);
    }

    /**
     * The physical name (Ref) of a template resource.
     *
     * @param logicalIdPrefix the logical id or its readable prefix, e.g. {@code DataProducts}; of
     *     several matches the shortest logical id wins (the resource itself, not its role or
     *     policy)
     */
    public Optional<String> physicalId(String logicalIdPrefix) {
        return assembly.physicalId(logicalIdPrefix);
    }

    /**
     * Loads items into tables.
     *
     * @param seedFile JSON object: logical id prefix of a table → array of items in DynamoDB JSON
     * @return how many items were written
     */
    public int seed(Path seedFile) {
        return assembly.seeder().fromFile(seedFile);
    }

    /** Loads the demo catalog bundled with the local cloud into the products table. */
    public int seedDemoCatalog() {
        return assembly.seeder().demoCatalog();
    }

    /** The stack's parts that the regions of {@link LocalRegions} link. */
    CloudAssembly assembly() {
        return assembly;
    }

    /** Stops every server; the data directory (if any) keeps the state. */
    @Override
    public void close() {
        assembly.close();
    }

    /** Configures and starts a {@link LocalCloud}. */
    public static final class Builder {
        /**
         * Per function: enough that a local burst (the flash sale's 64 clients and the saga's tasks
         * behind them) is not throttled by a limit AWS does not have (1,000 per account), few
         * enough that idle environments cost little.
         */
        public static final int DEFAULT_FUNCTION_CONCURRENCY = 128;

        private Path template;
        private int edgePort = 4566;
        private int gatewayPort = 3000;
        private Path dataDir;
        private String region = "us-east-1";
        private Clock clock = Clock.systemUTC();
        private int functionConcurrency = DEFAULT_FUNCTION_CONCURRENCY;
        private Path functionCode;
        private boolean stageThrottle = true;
        private final Map<String, String> functionEnvironment = new LinkedHashMap<>();
        private LocalIssuer trustedIssuer;
        private KeptQueues keptQueues;
        private Consumer<DynamoDbEngine> dynamoDbReady = engine -> {};

        private Builder() {}

        /** The synthesized template, e.g. {@code cdk.out/Orderflow-dev.template.json}. */
        public Builder template(Path value) {
            this.template = Objects.requireNonNull(value);
            return this;
        }

        /** The edge port (0 picks a free one). */
        public Builder edgePort(int value) {
            this.edgePort = value;
            return this;
        }

        /** The HTTP API port (0 picks a free one). */
        public Builder gatewayPort(int value) {
            this.gatewayPort = value;
            return this;
        }

        /** Where tables (and the token key) persist; without it state is in memory only. */
        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        /** The region ARNs and the functions' AWS_REGION use. */
        public Builder region(String value) {
            this.region = Objects.requireNonNull(value);
            return this;
        }

        /** The clock of token expiry, TTL and Lambda deadlines. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Concurrent executions per function without reserved concurrency (default {@value
         * #DEFAULT_FUNCTION_CONCURRENCY}; AWS shares 1,000 per account and region among them).
         */
        public Builder functionConcurrency(int value) {
            this.functionConcurrency = value;
            return this;
        }

        /**
         * Whether the HTTP API applies its stage's throttling (default true, as deployed); false
         * lets a local load test measure the stack rather than the rate limit meant for AWS.
         */
        public Builder stageThrottle(boolean value) {
            this.stageThrottle = value;
            return this;
        }

        /**
         * Runs every function from this jar instead of the CDK asset staged in {@code cdk.out} (so
         * a rebuilt handler jar is picked up without a new synth).
         */
        public Builder functionCode(Path jar) {
            this.functionCode = jar;
            return this;
        }

        /**
         * Sets a variable in every function's environment, over the template's value, as {@code sam
         * local --env-vars} does: e.g. to point a function at a local mail catcher or a provider's
         * sandbox instead of what the stack configures.
         */
        public Builder functionEnvironment(String name, String value) {
            functionEnvironment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Trusts another stack's issuer instead of having one (decision 7: one user pool). */
        Builder trustedIssuer(LocalIssuer value) {
            this.trustedIssuer = value;
            return this;
        }

        /** Keeps the queues in {@code value}, which outlives this stack (region down and up). */
        /** Told the DynamoDB engine once its tables exist, before anything else runs. */
        Builder onDynamoDbReady(Consumer<DynamoDbEngine> value) {
            this.dynamoDbReady = Objects.requireNonNull(value);
            return this;
        }

        Builder keptQueues(KeptQueues value) {
            this.keptQueues = value;
            return this;
        }

        /**
         * Boots everything.
         *
         * @throws LocalCloudException with the reason when something cannot start
         */
        public LocalCloud start() {
            if (template == null) {
                throw new LocalCloudException("no template given");
            }
            return new LocalCloud(
                    CloudAssembly.start(
                            new BootSettings(
                                    template,
                                    edgePort,
                                    gatewayPort,
                                    Optional.ofNullable(dataDir),
                                    region,
                                    clock,
                                    functionConcurrency,
                                    Optional.ofNullable(functionCode),
                                    stageThrottle,
                                    functionEnvironment,
                                    Optional.ofNullable(trustedIssuer),
                                    Optional.ofNullable(keptQueues),
                                    dynamoDbReady)));
        }
    }
}
