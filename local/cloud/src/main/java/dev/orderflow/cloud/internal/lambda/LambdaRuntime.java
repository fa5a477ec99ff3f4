package dev.orderflow.cloud.internal.lambda;

import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.FunctionSpec;
import dev.orderflow.cloud.internal.threads.DaemonThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The in-process Lambda service: functions by name, ARN or qualified ARN. */
public final class LambdaRuntime implements AutoCloseable {

    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final Clock clock;
    private final int defaultConcurrency;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<Path, FunctionClassLoader> sharedLoaders = new LinkedHashMap<>();
    private volatile Map<String, String> sharedEnvironment = Map.of();

    public LambdaRuntime(Clock clock, int defaultConcurrency) {
        this.clock = clock;
        this.defaultConcurrency = defaultConcurrency;
        // Invocation time limits: one daemon thread, cancelled limits leave the queue at once.
        this.timers = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("lambda-timeouts"));
        timers.setRemoveOnCancelPolicy(true);
    }

    /**
     * Deploys a function.
     *
     * @param runtimeEnvironment the variables Lambda itself sets (region, credentials, endpoint)
     */
    public synchronized void deploy(FunctionSpec spec, Map<String, String> runtimeEnvironment) {
        if (!Files.exists(spec.code())) {
            throw new IllegalStateException(
                    "code of function "
                            + spec.logicalId()
                            + " not found at "
                            + spec.code()
                            + " (run `npx cdk synth` after building the handler jar)");
        }
        sharedEnvironment = Map.copyOf(runtimeEnvironment);
        Map<String, String> env = new LinkedHashMap<>(runtimeEnvironment);
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        env.put("_HANDLER", spec.handler());
        env.put("LAMBDA_TASK_ROOT", spec.code().getParent().toString());
        env.putAll(spec.environment());
        functions.put(
                spec.name(),
                new LambdaFunction(
                        spec, env, clock, defaultConcurrency, timers, this::sharedLoader));
    }

    /**
     * The loader of the shared libraries (the AWS SDK, Jackson) for every function of {@code code},
     * made on first use with the environment Lambda gives every function (region, credentials,
     * endpoints).
     */
    private ClassLoader sharedLoader(Path code) throws Exception {
        // Its own lock: a cold start holds its function's lock while it asks for this loader.
        synchronized (sharedLoaders) {
            FunctionClassLoader loader = sharedLoaders.get(code);
            if (loader == null) {
                loader = new FunctionClassLoader("lambda:shared-libraries", code, null);
                FunctionCode.install(loader, sharedEnvironment);
                sharedLoaders.put(code, loader);
            }
            return loader;
        }
    }

    public synchronized Collection<LambdaFunction> functions() {
        return functions.values();
    }

    /** Finds by name, ARN, qualified ARN, {@code name:qualifier} or the template's logical id. */
    public synchronized Optional<LambdaFunction> find(String nameOrArn) {
        String name = CfnStack.functionName(nameOrArn);
        int colon = name.indexOf(':');
        if (colon > 0) {
            name = name.substring(0, colon);
        }
        LambdaFunction direct = functions.get(name);
        if (direct != null) {
            return Optional.of(direct);
        }
        for (LambdaFunction f : functions.values()) {
            if (f.spec().logicalId().equals(name)
                    || f.spec().logicalId().startsWith(name + "Function")
                    || f.spec().logicalId().startsWith(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Invokes a function synchronously.
     *
     * @throws LambdaException ResourceNotFoundException for an unknown function
     */
    public InvocationResult invoke(String nameOrArn, byte[] payload) {
        return function(nameOrArn)
                .invoke(UUID.randomUUID().toString(), payload, qualifier(nameOrArn));
    }

    /**
     * Starts an invocation and returns at once (see {@link LambdaFunction#invokeAsync}).
     *
     * @throws LambdaException ResourceNotFoundException for an unknown function,
     *     TooManyRequestsException when its concurrency is exhausted
     */
    public CompletableFuture<InvocationResult> invokeAsync(String nameOrArn, byte[] payload) {
        return function(nameOrArn)
                .invokeAsync(UUID.randomUUID().toString(), payload, qualifier(nameOrArn));
    }

    private LambdaFunction function(String nameOrArn) {
        return find(nameOrArn)
                .orElseThrow(
                        () ->
                                new LambdaException(
                                        "ResourceNotFoundException",
                                        404,
                                        "Function not found: " + nameOrArn));
    }

    private static String qualifier(String nameOrArn) {
        // limit 0 drops a trailing empty part: "name:" has no qualifier
        String[] parts = nameOrArn.split(":", 0);
        if (nameOrArn.startsWith("arn:")) {
            return parts.length > 7 ? parts[7] : "$LATEST";
        }
        return parts.length > 1 ? parts[1] : "$LATEST";
    }

    @Override
    public synchronized void close() {
        functions.values().forEach(LambdaFunction::close);
        timers.shutdownNow();
        synchronized (sharedLoaders) {
            for (FunctionClassLoader loader : sharedLoaders.values()) {
                try {
                    loader.close();
                } catch (java.io.IOException e) {
                    // the jar stays open until the JVM exits; nothing else to release
                }
            }
        }
    }
}
