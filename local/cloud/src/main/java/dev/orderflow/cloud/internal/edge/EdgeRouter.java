package dev.orderflow.cloud.internal.edge;

import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.threads.DaemonThreads;
import dev.orderflow.protocol.AwsJsonError;
import dev.orderflow.protocol.AwsTarget;
import dev.orderflow.protocol.FrontServer;
import dev.orderflow.protocol.HttpAnswer;
import dev.orderflow.protocol.HttpCall;
import dev.orderflow.protocol.HttpService;
import dev.orderflow.protocol.SigV4;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The single AWS endpoint ({@code AWS_ENDPOINT_URL}): picks the service of each call from {@code
 * X-Amz-Target}, the Lambda REST path, or the SigV4 credential scope. The engines' services answer
 * in process; SQS is forwarded unchanged to its loopback server. Local extras live under {@code
 * /_local/}.
 */
public final class EdgeRouter implements HttpService, AutoCloseable {

    private static final Map<String, String> TARGET_SERVICES =
            Map.of(
                    "DynamoDB_20120810", "dynamodb",
                    "DynamoDBStreams_20120810", "dynamodb",
                    "AmazonSQS", "sqs",
                    "AWSStepFunctions", "states");

    private static final String AWS_JSON = "application/x-amz-json-1.0";

    private final FrontServer server;
    private final ExecutorService async =
            Executors.newCachedThreadPool(DaemonThreads.numbered("edge-async"));
    private final Forwarder forwarder = new Forwarder();
    private final Map<String, HttpService> services = new ConcurrentHashMap<>();
    private final Map<String, LocalRoute> local = new ConcurrentHashMap<>();
    private final Map<String, LocalRoute> localPrefixes = new ConcurrentHashMap<>();
    private volatile LambdaApi lambdaApi;

    /** A handler for a path under the edge owned by the local cloud itself. */
    @FunctionalInterface
    public interface LocalRoute {
        HttpAnswer handle(HttpCall call);
    }

    public EdgeRouter(String host, int port) {
        this.server = FrontServer.builder("edge", this).host(host).port(port).start();
    }

    public int port() {
        return server.port();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port());
    }

    /** Serves a service (SigV4 scope name: dynamodb, states) in process. */
    public void route(String service, HttpService target) {
        services.put(service, target);
    }

    /** Forwards a service's calls (SigV4 scope name: sqs) to a server on loopback. */
    public void forward(String service, URI target) {
        services.put(service, forwarder.to(target));
    }

    public void lambda(LambdaRuntime runtime) {
        this.lambdaApi = new LambdaApi(runtime, async);
    }

    /** Serves {@code path} (exact) from the local cloud itself. */
    public void local(String path, LocalRoute route) {
        local.put(path, route);
    }

    /** Serves every path under {@code prefix} (which ends with a slash) from the local cloud. */
    public void localUnder(String prefix, LocalRoute route) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix ends with '/': " + prefix);
        }
        localPrefixes.put(prefix, route);
    }

    @Override
    public int maxBodyBytes() {
        return 20 * 1024 * 1024; // above every emulated service's own limit, which answers
    }

    @Override
    public HttpAnswer handle(HttpCall call) {
        LocalRoute own = local.get(call.path());
        if (own != null) {
            return own.handle(call);
        }
        for (Map.Entry<String, LocalRoute> under : localPrefixes.entrySet()) {
            if (call.path().startsWith(under.getKey())) {
                return under.getValue().handle(call);
            }
        }
        LambdaApi lambda = lambdaApi;
        if (LambdaApi.handles(call.path()) && lambda != null) {
            return lambda.handle(call);
        }
        Optional<String> service = service(call);
        HttpService target = service.map(services::get).orElse(null);
        if (target == null) {
            return unknown(service.orElse("unknown"));
        }
        return call.body().length > target.maxBodyBytes()
                ? target.tooLarge(call)
                : target.handle(call);
    }

    @Override
    public HttpAnswer internalError(HttpCall call, RuntimeException failure) {
        return new AwsJsonError("InternalFailure", "message", String.valueOf(failure))
                .answer(500, AWS_JSON);
    }

    /** X-Amz-Target first, then the SigV4 credential scope, then the SQS query protocol. */
    static Optional<String> service(HttpCall call) {
        Optional<String> byTarget =
                AwsTarget.parse(call.header("x-amz-target"))
                        .map(t -> TARGET_SERVICES.get(t.prefix()));
        if (byTarget.isPresent()) {
            return byTarget;
        }
        Optional<SigV4.Scope> scope = SigV4.scope(call.header("authorization"));
        if (scope.isPresent()) {
            return Optional.of(scope.get().service());
        }
        String contentType = call.header("content-type");
        if (contentType != null
                && contentType.startsWith("application/x-www-form-urlencoded")
                && new String(call.body(), StandardCharsets.UTF_8).contains("Action=")) {
            return Optional.of("sqs");
        }
        return Optional.empty();
    }

    private static HttpAnswer unknown(String service) {
        return new AwsJsonError(
                        "UnknownServiceException",
                        "message",
                        "The local cloud does not emulate the service '"
                                + service
                                + "' (it emulates dynamodb, sqs, states, lambda)")
                .answer(400, AWS_JSON)
                .withHeader("x-amzn-ErrorType", "UnknownServiceException");
    }

    @Override
    public void close() {
        server.close();
        async.shutdownNow();
    }
}
