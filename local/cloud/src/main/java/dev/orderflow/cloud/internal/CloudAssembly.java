package dev.orderflow.cloud.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.cloud.BootReport;
import dev.orderflow.cloud.Invocation;
import dev.orderflow.cloud.LocalCloudException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.dynamo.TableProvisioner;
import dev.orderflow.cloud.internal.dynamo.TableSeeder;
import dev.orderflow.cloud.internal.edge.EdgeRouter;
import dev.orderflow.cloud.internal.esm.EventSourceMappings;
import dev.orderflow.cloud.internal.gateway.HttpApiGateway;
import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.sqs.QueueService;
import dev.orderflow.cloud.internal.states.LocalTaskInvoker;
import dev.orderflow.cloud.internal.states.StateMachines;
import dev.orderflow.cloud.internal.template.AuthorizerSpec;
import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.FunctionSpec;
import dev.orderflow.cloud.internal.template.HttpApiSpec;
import dev.orderflow.cloud.internal.template.SkippedResource;
import dev.orderflow.cloud.internal.template.TableSpec;
import dev.orderflow.cloud.internal.template.TemplateException;
import dev.orderflow.dynamodb.DynamoDbServer;
import dev.orderflow.states.StepFunctionsServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Boots the pieces of the local cloud in dependency order and owns their lifecycle. */
public final class CloudAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAssembly.class);
    static final String ACCOUNT = "000000000000";

    /** Boot settings (see {@code LocalCloud.Builder}). */
    public record Settings(
            Path template,
            int edgePort,
            int gatewayPort,
            Optional<Path> dataDir,
            String region,
            Clock clock,
            int functionConcurrency,
            Optional<Path> functionCode,
            boolean stageThrottle,
            Map<String, String> functionEnvironment) {
        public Settings {
            functionEnvironment = Map.copyOf(functionEnvironment);
        }
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<String> emulated = new ArrayList<>();
    private final Settings settings;
    private CfnStack stack;
    private EdgeRouter edge;
    private DynamoDbServer dynamo;
    private AwsJsonClient dynamoClient;
    private LambdaRuntime lambdas;
    private QueueService queues;
    private StepFunctionsServer stepFunctions;
    private LocalIssuer issuer;
    private HttpApiGateway gateway;
    private BootReport report;
    private final List<String> unsupportedMappings = new ArrayList<>();
    private final List<String> unsupportedMappingProperties = new ArrayList<>();
    private final Map<String, String> tablesByLogicalId = new LinkedHashMap<>();

    private CloudAssembly(Settings settings) {
        this.settings = settings;
    }

    /** Boots; on failure stops what already started and throws {@link LocalCloudException}. */
    public static CloudAssembly start(Settings settings) {
        CloudAssembly assembly = new CloudAssembly(settings);
        long t0 = System.nanoTime();
        try {
            assembly.boot();
        } catch (BindException e) {
            assembly.close();
            throw new LocalCloudException(
                    "a port is in use ("
                            + e.getMessage()
                            + "): stop the other process or pass --port/--api-port",
                    e);
        } catch (IOException e) {
            assembly.close();
            throw new LocalCloudException("cannot start: " + e, e);
        } catch (TemplateException e) {
            assembly.close();
            throw new LocalCloudException(
                    "template " + settings.template() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            assembly.close();
            throw e instanceof LocalCloudException
                    ? e
                    : new LocalCloudException("cannot start: " + e, e);
        }
        assembly.finishReport(Duration.ofNanos(System.nanoTime() - t0));
        return assembly;
    }

    private void boot() throws IOException {
        if (!Files.isRegularFile(settings.template())) {
            throw new LocalCloudException(
                    "template not found: " + settings.template() + " (run `npx cdk synth` first)");
        }
        stack = CfnStack.load(settings.template(), settings.region(), ACCOUNT);
        edge = new EdgeRouter("127.0.0.1", settings.edgePort());
        started.push(edge);
        startDynamo();
        startQueues();
        lambdas = new LambdaRuntime(settings.clock(), settings.functionConcurrency());
        started.push(lambdas);
        startStepFunctions();
        startLambdas();
        startEventSourceMappings();
        startGateway();
        stepFunctions.engine().resumeExecutions();
    }

    private void startDynamo() {
        DynamoDbServer.Builder builder =
                DynamoDbServer.builder().port(0).host("127.0.0.1").clock(settings.clock());
        settings.dataDir().ifPresent(d -> builder.dataDir(d.resolve("dynamodb")));
        dynamo = builder.start();
        started.push(dynamo);
        edge.route("dynamodb", dynamo.httpService());
        edge.route("streams.dynamodb", dynamo.httpService());
        dynamoClient = AwsJsonClient.dynamoDb(dynamo.endpoint());
        TableProvisioner provisioner = new TableProvisioner(dynamoClient);
        for (TableSpec table : stack.tables()) {
            provisioner.provision(table, stack.ids());
            tablesByLogicalId.put(table.logicalId(), table.name());
            emulated.add("table    " + table.name() + describe(table));
        }
    }

    private static String describe(TableSpec table) {
        List<String> notes = new ArrayList<>();
        JsonNode gsis = table.createRequest().path("GlobalSecondaryIndexes");
        if (gsis.isArray()) {
            List<String> names = new ArrayList<>();
            gsis.forEach(g -> names.add(g.path("IndexName").asText()));
            notes.add("GSIs " + String.join(", ", names));
        }
        JsonNode stream = table.createRequest().path("StreamSpecification");
        if (stream.isObject()) {
            notes.add("stream " + stream.path("StreamViewType").asText());
        }
        table.ttlAttribute().ifPresent(a -> notes.add("TTL " + a));
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    private void startQueues() {
        queues =
                new QueueService(
                        settings.region(),
                        ACCOUNT,
                        edge.port(),
                        settings.dataDir().map(d -> d.resolve("sqs")));
        started.push(queues);
        edge.forward("sqs", queues.endpoint());
        emulated.addAll(queues.provision(stack.queues(), stack.ids()));
    }

    private void startStepFunctions() {
        StepFunctionsServer.Builder builder =
                StepFunctionsServer.builder()
                        .port(0)
                        .host("127.0.0.1")
                        .region(settings.region())
                        .account(ACCOUNT)
                        .taskInvoker(new LocalTaskInvoker(lambdas, dynamoClient, queues.client()))
                        // executions resume once the functions they call are deployed (boot())
                        .resumeOnStart(false);
        settings.dataDir().ifPresent(d -> builder.dataDir(d.resolve("states")));
        stepFunctions = builder.start();
        started.push(stepFunctions);
        edge.route("states", stepFunctions.httpService());
        emulated.addAll(
                StateMachines.provision(
                        AwsJsonClient.stepFunctions(stepFunctions.endpoint()),
                        stack.stateMachines(),
                        stack.ids()));
    }

    private void startEventSourceMappings() {
        var specs = stack.eventSourceMappings();
        EventSourceMappings mappings =
                new EventSourceMappings(
                        specs,
                        queues.client(),
                        new AwsJsonClient(
                                dynamo.endpoint(),
                                "DynamoDBStreams_20120810.",
                                "application/x-amz-json-1.0",
                                "dynamodb"),
                        lambdas,
                        settings.region(),
                        settings.dataDir().map(d -> d.resolve("esm")));
        started.push(mappings);
        specs.stream()
                .filter(
                        m ->
                                !mappings.unsupported().stream()
                                        .anyMatch(u -> u.startsWith(m.logicalId())))
                .forEach(m -> emulated.add("mapping  " + m.describe()));
        unsupportedMappings.addAll(mappings.unsupported());
        unsupportedMappingProperties.addAll(mappings.unsupportedProperties());
    }

    private void startLambdas() {
        Map<String, String> runtimeEnv = new LinkedHashMap<>();
        runtimeEnv.put("AWS_REGION", settings.region());
        runtimeEnv.put("AWS_DEFAULT_REGION", settings.region());
        runtimeEnv.put("AWS_ACCESS_KEY_ID", "local");
        runtimeEnv.put("AWS_SECRET_ACCESS_KEY", "local");
        runtimeEnv.put("AWS_SESSION_TOKEN", "local");
        runtimeEnv.put("AWS_ENDPOINT_URL", edge.endpoint().toString());
        // Service-specific endpoints (honoured by the SDKs before AWS_ENDPOINT_URL) send the
        // functions' calls straight to each service's server, as on AWS, instead of through the
        // edge's proxy: one loopback hop per call instead of two.
        runtimeEnv.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        runtimeEnv.put("AWS_ENDPOINT_URL_SQS", queues.endpoint().toString());
        runtimeEnv.put("AWS_ENDPOINT_URL_SFN", stepFunctions.endpoint().toString());
        runtimeEnv.put("AWS_EMF_ENVIRONMENT", "Local");
        runtimeEnv.put("TZ", ":UTC");
        for (FunctionSpec declared : stack.functions()) {
            FunctionSpec function =
                    settings.functionCode()
                            .map(declared::withCode)
                            .orElse(declared)
                            .withEnvironment(settings.functionEnvironment());
            lambdas.deploy(function, runtimeEnv);
            emulated.add(
                    String.format(
                            "function %s (%s, %d MB, timeout %d s)",
                            function.name(),
                            function.handler(),
                            function.memoryMb(),
                            function.timeoutSeconds()));
        }
        edge.lambda(lambdas);
    }

    private void startGateway() throws IOException {
        Optional<HttpApiSpec> api = stack.httpApi();
        Optional<AuthorizerSpec> authorizer =
                api.stream()
                        .flatMap(a -> a.routes().stream())
                        .flatMap(r -> r.authorizer().stream())
                        .findFirst();
        String issuerUrl =
                authorizer.map(AuthorizerSpec::issuer).orElse(edge.endpoint() + "/local-issuer");
        String clientId =
                authorizer.flatMap(a -> a.audiences().stream().findFirst()).orElse("local-client");
        issuer =
                LocalIssuer.create(
                        issuerUrl,
                        clientId,
                        settings.clock(),
                        settings.dataDir().map(d -> d.resolve("issuer-key.json")));
        String jwksPath =
                "/"
                        + issuerUrl.substring(issuerUrl.lastIndexOf('/') + 1)
                        + "/.well-known/jwks.json";
        edge.local(jwksPath, call -> LocalEndpoints.jwks(issuer));
        edge.local("/_local/jwks.json", call -> LocalEndpoints.jwks(issuer));
        edge.local("/_local/token", call -> LocalEndpoints.token(call, issuer));
        edge.local("/_local/status", call -> LocalEndpoints.status(this));
        if (api.isEmpty()) {
            return;
        }
        gateway =
                new HttpApiGateway(
                        settings.stageThrottle() ? api.get() : api.get().withoutThrottle(),
                        ACCOUNT,
                        lambdas,
                        issuer,
                        settings.clock(),
                        "127.0.0.1",
                        settings.gatewayPort());
        started.push(gateway);
        for (var route : api.get().routes()) {
            emulated.add(
                    "route    "
                            + route.routeKey()
                            + " -> "
                            + route.functionName()
                            + route.authorizer().map(a -> " [JWT " + a.name() + "]").orElse(""));
        }
        emulated.add("issuer   " + issuerUrl + " (JWKS " + edge.endpoint() + jwksPath + ")");
    }

    private void finishReport(Duration bootTime) {
        List<String> ignored = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (SkippedResource r : stack.skipped()) {
            String line = r.logicalId() + " (" + r.type() + "): " + r.reason();
            if (r.supported()) {
                ignored.add(line);
            } else {
                unsupported.add(line);
            }
        }
        unsupportedMappings.forEach(
                m ->
                        unsupported.add(
                                m
                                        + ": event source not polled locally (SQS and DynamoDB Streams are)"));
        unsupportedMappingProperties.forEach(
                p -> unsupported.add(p + ": event source mapping property not emulated locally"));
        report = new BootReport(emulated, ignored, unsupported, bootTime);
        unsupported.forEach(u -> LOG.warn("UNSUPPORTED resource, not emulated: {}", u));
    }

    public EdgeRouter edge() {
        return edge;
    }

    public java.net.URI gatewayEndpoint() {
        if (gateway == null) {
            throw new LocalCloudException("the template has no HTTP API");
        }
        return gateway.endpoint();
    }

    public BootReport report() {
        return report;
    }

    public LocalIssuer issuer() {
        return issuer;
    }

    public Invocation invoke(String function, String payload) {
        try {
            InvocationResult result =
                    lambdas.invoke(function, payload.getBytes(StandardCharsets.UTF_8));
            return new Invocation(
                    result.payloadText(), result instanceof InvocationResult.FunctionError);
        } catch (LambdaException e) {
            throw new LocalCloudException(e.code() + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> physicalId(String logicalIdPrefix) {
        Optional<String> exact = stack.ids().ref(logicalIdPrefix);
        if (exact.isPresent()) {
            return exact;
        }
        return stack.logicalIds().stream()
                .filter(id -> id.startsWith(logicalIdPrefix))
                .min(java.util.Comparator.comparingInt(String::length))
                .flatMap(id -> stack.ids().ref(id));
    }

    /** Loads items into the stack's tables. */
    public TableSeeder seeder() {
        return new TableSeeder(dynamoClient, this::physicalId);
    }

    LambdaRuntime lambdas() {
        return lambdas;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
