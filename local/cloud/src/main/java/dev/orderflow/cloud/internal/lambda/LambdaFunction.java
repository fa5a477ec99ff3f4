package dev.orderflow.cloud.internal.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.template.FunctionSpec;
import dev.orderflow.cloud.internal.threads.DaemonThreads;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployed function: a pool of warm execution environments, a concurrency limit (reserved
 * concurrency, else the runtime's per-function default) and the configured timeout.
 */
public final class LambdaFunction implements AutoCloseable {

    private final FunctionSpec spec;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Logger log;
    private final Semaphore concurrency;
    private final int limit;
    private final ConcurrentLinkedDeque<ExecutionEnvironment> warm = new ConcurrentLinkedDeque<>();
    private final ExecutorService threads;
    private final ScheduledExecutorService timers;
    private final AtomicInteger environments = new AtomicInteger();
    private volatile FunctionCode code;
    private final SharedLibraries shared;
    private final RecentInvocations recent = new RecentInvocations();
    // The process's own streams, which the function's output is passed on to.
    private final FunctionOutput output = new FunctionOutput(System.out, System.err);

    /**
     * Where a function's shared libraries come from: one loader per code jar, for all functions.
     */
    @FunctionalInterface
    interface SharedLibraries {
        ClassLoader loaderFor(Path code) throws Exception;
    }

    LambdaFunction(
            FunctionSpec spec,
            Map<String, String> environment,
            Clock clock,
            int defaultLimit,
            ScheduledExecutorService timers,
            SharedLibraries shared) {
        this.shared = shared;
        this.spec = spec;
        this.timers = timers;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.log = LoggerFactory.getLogger("lambda." + spec.logicalId());
        this.limit = spec.reservedConcurrency().orElse(defaultLimit);
        this.concurrency = new Semaphore(limit);
        this.threads =
                Executors.newCachedThreadPool(DaemonThreads.numbered("lambda-" + spec.logicalId()));
    }

    public FunctionSpec spec() {
        return spec;
    }

    /** How many invocations may run at once (reserved concurrency, else the local default). */
    public int concurrencyLimit() {
        return limit;
    }

    /** The last invocations, for the console. */
    public RecentInvocations recentInvocations() {
        return recent;
    }

    /** Environments created so far (each one a cold start). */
    public int coldStarts() {
        return environments.get();
    }

    /**
     * Invokes synchronously.
     *
     * @throws LambdaException {@code TooManyRequestsException} when the concurrency limit is
     *     reached
     */
    public InvocationResult invoke(String requestId, byte[] payload, String qualifier) {
        CompletableFuture<InvocationResult> result = invokeAsync(requestId, payload, qualifier);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("Runtime.Interrupted", "the invocation was interrupted", null);
        } catch (ExecutionException e) {
            return error("Runtime.Unknown", String.valueOf(e.getCause()), e.getCause());
        }
    }

    /**
     * Starts an invocation on an environment of this function and returns at once; the future
     * completes with the handler's result, or a {@code Sandbox.Timedout} error once the configured
     * timeout has passed. No caller thread waits while the function runs.
     *
     * @throws LambdaException {@code TooManyRequestsException} at once when the concurrency limit
     *     is reached, as Lambda answers a throttled synchronous invoke
     */
    public CompletableFuture<InvocationResult> invokeAsync(
            String requestId, byte[] payload, String qualifier) {
        if (!concurrency.tryAcquire()) {
            throw new LambdaException(
                    "TooManyRequestsException",
                    429,
                    "Rate Exceeded. (concurrency limit " + limit + " of " + spec.name() + ")");
        }
        CompletableFuture<InvocationResult> result;
        try {
            result = new Invocation(requestId, payload, qualifier).start();
        } catch (RuntimeException e) {
            concurrency.release();
            throw e;
        }
        // the derived future only mirrors result, whose outcome the caller gets
        var unused = result.whenComplete((r, t) -> concurrency.release());
        return result;
    }

    /**
     * Lambda limits the init phase separately from the invocation: the configured timeout starts
     * once the handler is initialised. Locally init (class loading of a whole SDK in-process, on a
     * busy laptop) gets a generous budget instead of Lambda's 10 s.
     */
    static final Duration INIT_LIMIT = Duration.ofSeconds(60);

    /** One invocation in flight: its thread, its time limits and its single outcome. */
    private final class Invocation {
        private final String requestId;
        private final byte[] payload;
        private final String qualifier;
        private final long t0 = System.nanoTime();
        private final Instant taken = clock.instant();
        private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        private final CompletableFuture<Instant> initialised = new CompletableFuture<>();
        private final FunctionOutput.Capture logs = new FunctionOutput.Capture();
        // The handler's outcome and the timeout race: the first settles the invocation.
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile Future<?> running;

        Invocation(String requestId, byte[] payload, String qualifier) {
            this.requestId = requestId;
            this.payload = payload;
            this.qualifier = qualifier;
        }

        CompletableFuture<InvocationResult> start() {
            running =
                    threads.submit(
                            () -> {
                                Outcome outcome =
                                        execute(requestId, payload, qualifier, initialised, logs);
                                // recorded before the caller sees the outcome, so that the
                                // console lists every invocation whose result was returned
                                if (settled.compareAndSet(false, true)) {
                                    report(requestId, t0, outcome.init);
                                    remember(outcome.init, outcome.result);
                                    result.complete(outcome.result);
                                }
                            });
            ScheduledFuture<?> initLimit =
                    timers.schedule(
                            () -> timedOut(false), INIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            cancelOnResult(initLimit);
            // an init failure reaches the caller through result (the init limit or the handler)
            var unused =
                    initialised.thenAccept(
                            invokeStart -> {
                                initLimit.cancel(false);
                                long remaining =
                                        Duration.between(
                                                        clock.instant(),
                                                        invokeStart.plusSeconds(
                                                                spec.timeoutSeconds()))
                                                .toMillis();
                                ScheduledFuture<?> timeout =
                                        timers.schedule(
                                                () -> timedOut(true),
                                                Math.max(0, remaining),
                                                TimeUnit.MILLISECONDS);
                                cancelOnResult(timeout);
                            });
            return result;
        }

        /** Cancels a time limit once the invocation has its outcome. */
        private void cancelOnResult(Future<?> limit) {
            // the derived future only mirrors result, whose outcome the caller gets
            var unused = result.whenComplete((r, t) -> limit.cancel(false));
        }

        private void remember(Duration init, InvocationResult outcome) {
            Optional<String> type = Optional.empty();
            Optional<String> message = Optional.empty();
            if (outcome instanceof InvocationResult.FunctionError error) {
                type = Optional.of(error.errorType());
                message = Optional.of(error.errorMessage());
            }
            recent.add(
                    new RecentInvocations.Entry(
                            requestId,
                            taken,
                            (System.nanoTime() - t0) / 1e6,
                            Optional.ofNullable(init).map(d -> d.toNanos() / 1e6),
                            type,
                            message,
                            logs.lines()));
        }

        private void timedOut(boolean afterInit) {
            String message =
                    afterInit
                            ? String.format(
                                    "%s %s Task timed out after %d.00 seconds",
                                    clock.instant(), requestId, spec.timeoutSeconds())
                            : String.format(
                                    "%s %s INIT timed out after %d seconds",
                                    clock.instant(), requestId, INIT_LIMIT.toSeconds());
            InvocationResult timeout = error("Sandbox.Timedout", message, null);
            if (settled.compareAndSet(false, true)) {
                logs.line(message);
                report(requestId, t0, null);
                remember(null, timeout);
                result.complete(timeout);
                running.cancel(true);
                log.warn("{}", message);
            }
        }
    }

    private record Outcome(InvocationResult result, Duration init) {}

    private Outcome execute(
            String requestId,
            byte[] payload,
            String qualifier,
            CompletableFuture<Instant> initialised,
            FunctionOutput.Capture logs) {
        output.bind(logs);
        try {
            return execute(requestId, payload, qualifier, initialised, logs::line);
        } finally {
            output.unbind();
        }
    }

    private Outcome execute(
            String requestId,
            byte[] payload,
            String qualifier,
            CompletableFuture<Instant> initialised,
            Consumer<String> logged) {
        Duration init = null;
        ExecutionEnvironment env = warm.pollFirst();
        if (env == null) {
            int number = environments.incrementAndGet();
            log.info(
                    "INIT_START Runtime Version: {} (local, in-process) Function: {} Environment: {}",
                    spec.runtime(),
                    spec.name(),
                    number);
            try {
                env = ExecutionEnvironment.start(code(), System.nanoTime());
                init = env.initDuration();
            } catch (Exception | LinkageError e) {
                Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
                log.error("INIT failed for {}", spec.name(), cause);
                initialised.complete(clock.instant());
                return new Outcome(error("Runtime.InitError", String.valueOf(cause), cause), null);
            }
        }
        Instant start = clock.instant();
        initialised.complete(start);
        InvocationRequest request =
                new InvocationRequest(
                        requestId, payload, qualifier, start.plusSeconds(spec.timeoutSeconds()));
        log.info(
                "START RequestId: {} Version: $LATEST ({} start)",
                request.requestId(),
                init == null ? "warm" : "cold");
        try {
            byte[] out = env.invoke(request, clock, log, logged);
            warm.addFirst(env);
            return new Outcome(new InvocationResult.Success(out), init);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (!Thread.currentThread().isInterrupted()) {
                warm.addFirst(env); // a timed-out environment is discarded, as Lambda does
            }
            log.error("Unhandled exception in {}", spec.name(), thrown);
            return new Outcome(
                    error(thrown.getClass().getName(), String.valueOf(thrown.getMessage()), thrown),
                    init);
        } catch (Exception e) {
            log.error("Runtime failure in {}", spec.name(), e);
            return new Outcome(error("Runtime.Unknown", String.valueOf(e), e), init);
        }
    }

    private void report(String requestId, long t0, Duration init) {
        double ms = (System.nanoTime() - t0) / 1e6;
        if (init == null) {
            log.info(
                    "END RequestId: {} REPORT Duration: {} ms Billed Duration: {} ms Memory Size: {} MB",
                    requestId,
                    String.format("%.2f", ms),
                    (long) Math.ceil(ms),
                    spec.memoryMb());
        } else {
            log.info(
                    "END RequestId: {} REPORT Duration: {} ms Billed Duration: {} ms Memory Size: {} MB Init Duration: {} ms",
                    requestId,
                    String.format("%.2f", ms),
                    (long) Math.ceil(ms),
                    spec.memoryMb(),
                    String.format("%.2f", init.toNanos() / 1e6));
        }
    }

    static InvocationResult.FunctionError error(String type, String message, Throwable thrown) {
        ObjectNode body = Json.object();
        body.put("errorMessage", message);
        body.put("errorType", type);
        if (thrown != null) {
            ArrayNode trace = body.putArray("stackTrace");
            for (StackTraceElement e : thrown.getStackTrace()) {
                trace.add(e.toString());
            }
        }
        return new InvocationResult.FunctionError(type, message, Json.bytes(body));
    }

    /**
     * The function's code, loaded by the first environment that needs it; a failed load is tried
     * again by the next cold start, as Lambda retries a failed init.
     */
    private FunctionCode code() throws Exception {
        FunctionCode loaded = code;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (code == null) {
                code = FunctionCode.load(spec, environment, output, shared.loaderFor(spec.code()));
            }
            return code;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        warm.clear();
        synchronized (this) {
            if (code != null) {
                code.close();
            }
        }
    }
}
