package dev.orderflow.cloud;

import dev.orderflow.cloud.internal.boot.BootSettings;
import dev.orderflow.cloud.internal.boot.ConsoleService;
import dev.orderflow.cloud.internal.boot.DynamoDbService;
import dev.orderflow.cloud.internal.boot.EdgeService;
import dev.orderflow.cloud.internal.boot.EmulatedService;
import dev.orderflow.cloud.internal.boot.EventSourceMappingService;
import dev.orderflow.cloud.internal.boot.HttpApiService;
import dev.orderflow.cloud.internal.boot.IssuerService;
import dev.orderflow.cloud.internal.boot.LambdaFunctionsService;
import dev.orderflow.cloud.internal.boot.LambdaRuntimeService;
import dev.orderflow.cloud.internal.boot.SqsService;
import dev.orderflow.cloud.internal.boot.StepFunctionsService;
import dev.orderflow.cloud.internal.dynamo.TableSeeder;
import dev.orderflow.cloud.internal.edge.EdgeRouter;
import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.PhysicalIdLookup;
import dev.orderflow.cloud.internal.template.SkippedResource;
import dev.orderflow.cloud.internal.template.TableSpec;
import dev.orderflow.cloud.internal.template.TemplateException;
import dev.orderflow.cloud.internal.threads.DaemonThreads;
import dev.orderflow.dynamodb.DynamoDbEngine;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots the template's services in dependency order, reports what they emulate, and owns their
 * lifecycle: what {@link LocalCloud} stands on.
 */
final class CloudAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAssembly.class);

    private final BootSettings settings;
    private final List<EmulatedService> services = new ArrayList<>();
    private final Deque<EmulatedService> started = new ArrayDeque<>();
    private CfnStack stack;
    private PhysicalIdLookup physicalIds;
    private EdgeService edge;
    private DynamoDbService dynamoDb;
    private LambdaRuntimeService lambdas;
    private StepFunctionsService stepFunctions;
    private IssuerService issuer;
    private HttpApiService httpApi;
    private BootReport report;

    private CloudAssembly(BootSettings settings) {
        this.settings = settings;
    }

    /** Boots; on failure stops what already started and throws {@link LocalCloudException}. */
    static CloudAssembly start(BootSettings settings) {
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
        assembly.report = assembly.report(Duration.ofNanos(System.nanoTime() - t0));
        return assembly;
    }

    private void boot() throws IOException {
        if (!Files.isRegularFile(settings.template())) {
            throw new LocalCloudException(
                    "template not found: " + settings.template() + " (run `npx cdk synth` first)");
        }
        stack = CfnStack.load(settings.template(), settings.region(), BootSettings.ACCOUNT);
        physicalIds = new PhysicalIdLookup(stack);
        edge = new EdgeService(settings);
        dynamoDb = new DynamoDbService(settings, stack, edge);
        SqsService sqs = new SqsService(settings, stack, edge);
        lambdas = new LambdaRuntimeService(settings);
        stepFunctions = new StepFunctionsService(settings, stack, edge, dynamoDb, sqs, lambdas);
        issuer = new IssuerService(settings, stack, edge);
        httpApi = new HttpApiService(settings, stack, edge, issuer, lambdas);
        EventSourceMappingService mappings =
                new EventSourceMappingService(settings, stack, dynamoDb, sqs, lambdas);
        // Each wave starts after the ones before it, whose services it uses, and stops after the
        // ones after it. The Lambda runtime comes before Step Functions, whose tasks invoke it;
        // the functions are deployed after Step Functions, whose endpoint their environment
        // names. A wave's services start together: DynamoDB and ElasticMQ need only the edge, and
        // ElasticMQ's boot is the longest part of `up`, the issuer's RSA key the next.
        List<List<EmulatedService>> waves =
                List.of(
                        List.of(edge),
                        List.of(dynamoDb, sqs, issuer),
                        List.of(lambdas),
                        List.of(stepFunctions),
                        List.of(
                                new LambdaFunctionsService(
                                        settings,
                                        stack,
                                        edge,
                                        dynamoDb,
                                        sqs,
                                        stepFunctions,
                                        lambdas)),
                        List.of(mappings),
                        List.of(
                                httpApi,
                                new ConsoleService(
                                        stack,
                                        edge,
                                        dynamoDb,
                                        sqs,
                                        stepFunctions,
                                        lambdas,
                                        mappings)));
        for (List<EmulatedService> wave : waves) {
            services.addAll(wave);
            // pushed before start(): what a failing start began is stopped too
            wave.forEach(started::push);
            startTogether(wave);
        }
        // Executions kept in the data directory resume once the functions they call are deployed.
        stepFunctions.resumeExecutions();
    }

    /**
     * Starts the services of one wave, each on a thread of its own when there are several, and
     * returns once all have started; the first failure is thrown once every start has ended, so
     * that closing the started services never races a start still running.
     */
    private static void startTogether(List<EmulatedService> wave) throws IOException {
        if (wave.size() == 1) {
            wave.get(0).start();
            return;
        }
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (EmulatedService service : wave) {
            starts.add(
                    CompletableFuture.runAsync(
                            service::start,
                            task ->
                                    DaemonThreads.start(
                                            task, "boot-" + service.getClass().getSimpleName())));
        }
        Throwable failure = null;
        for (CompletableFuture<Void> start : starts) {
            try {
                start.join();
            } catch (CompletionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new LocalCloudException("cannot start: " + failure, failure);
        }
    }

    /** The services' own lines, in boot order, and what the template holds that none emulates. */
    private BootReport report(Duration bootTime) {
        List<String> emulated = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        services.forEach(s -> emulated.addAll(s.describe()));
        for (SkippedResource r : stack.skipped()) {
            String line = r.logicalId() + " (" + r.type() + "): " + r.reason();
            (r.supported() ? ignored : unsupported).add(line);
        }
        services.forEach(s -> unsupported.addAll(s.unsupported()));
        unsupported.forEach(u -> LOG.warn("UNSUPPORTED resource, not emulated: {}", u));
        return new BootReport(emulated, ignored, unsupported, bootTime);
    }

    URI edgeEndpoint() {
        return edge.router().endpoint();
    }

    URI gatewayEndpoint() {
        return httpApi.endpoint()
                .orElseThrow(() -> new LocalCloudException("the template has no HTTP API"));
    }

    BootReport report() {
        return report;
    }

    EdgeRouter edgeRouter() {
        return edge.router();
    }

    DynamoDbEngine dynamoDbEngine() {
        return dynamoDb.engine();
    }

    List<TableSpec> tables() {
        return stack.tables();
    }

    LocalIssuer issuer() {
        return issuer.issuer();
    }

    Invocation invoke(String function, String payload) {
        try {
            InvocationResult result =
                    lambdas.runtime().invoke(function, payload.getBytes(StandardCharsets.UTF_8));
            return new Invocation(
                    result.payloadText(), result instanceof InvocationResult.FunctionError);
        } catch (LambdaException e) {
            throw new LocalCloudException(e.code() + ": " + e.getMessage(), e);
        }
    }

    Optional<String> physicalId(String logicalIdPrefix) {
        return physicalIds.find(logicalIdPrefix);
    }

    /** Loads items into the stack's tables, named by their logical id prefixes. */
    TableSeeder seeder() {
        return dynamoDb.seeder(
                prefix ->
                        physicalId(prefix)
                                .orElseThrow(
                                        () ->
                                                new LocalCloudException(
                                                        "seed: no table for " + prefix)));
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            EmulatedService service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn(
                        "error while stopping {}: {}",
                        service.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
