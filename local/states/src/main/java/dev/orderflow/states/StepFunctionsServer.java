package dev.orderflow.states;

import dev.orderflow.protocol.FrontServer;
import dev.orderflow.protocol.HttpService;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.spi.TaskInvoker;
import java.net.URI;
import java.nio.file.Path;

/**
 * The Step Functions API over HTTP (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Op>}), so
 * the unmodified {@code SfnClient} and AWS CLI can talk to a {@link StepFunctionsEngine}.
 *
 * <pre>{@code
 * try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).taskInvoker(invoker).start()) {
 *     SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * }</pre>
 */
public final class StepFunctionsServer implements AutoCloseable {
    private final FrontServer http;
    private final HttpService service;
    private final StepFunctionsEngine engine;

    private StepFunctionsServer(FrontServer http, HttpService service, StepFunctionsEngine engine) {
        this.http = http;
        this.service = service;
        this.engine = engine;
    }

    /**
     * The server's HTTP service, for a host that serves the API on its own front (the local cloud's
     * edge) without a second hop over loopback.
     */
    public HttpService httpService() {
        return service;
    }

    /** A builder (port 8083, real time, no integrations). */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URI, for example {@code http://127.0.0.1:8083}. */
    public URI endpoint() {
        return http.endpoint();
    }

    /** The engine behind the API (usable in-process, for example to advance a virtual clock). */
    public StepFunctionsEngine engine() {
        return engine;
    }

    /** Stops listening and shuts the engine down. */
    @Override
    public void close() {
        http.close();
        engine.close();
    }

    /** Configures and starts a {@link StepFunctionsServer}. */
    public static final class Builder {
        private int port = 8083;
        private String host = "127.0.0.1";
        private boolean resume = true;
        private final StepFunctionsEngineBuilder engine = StepFunctionsEngine.builder();

        private Builder() {}

        /** TCP port; 0 picks an ephemeral one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Bind address (default 127.0.0.1). */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** The task invoker. */
        public Builder taskInvoker(TaskInvoker value) {
            engine.taskInvoker(value);
            return this;
        }

        /** The clock. */
        public Builder clock(StatesClock value) {
            engine.clock(value);
            return this;
        }

        /** A Step Functions Local mock configuration file. */
        public Builder mockConfig(Path value) {
            engine.mockConfig(value);
            return this;
        }

        /** Region used in ARNs. */
        public Builder region(String value) {
            engine.region(value);
            return this;
        }

        /** Account id used in ARNs (default 123456789012). */
        public Builder account(String value) {
            engine.account(value);
            return this;
        }

        /** Keeps state machines and executions in {@code dir} (see the module README). */
        public Builder dataDir(Path dir) {
            engine.dataDir(dir);
            return this;
        }

        /**
         * Whether {@link #start()} continues the RUNNING executions read from the data directory
         * (default true); false leaves it to {@link StepFunctionsEngine#resumeExecutions()}, for
         * hosts that start the services the tasks call afterwards.
         */
        public Builder resumeOnStart(boolean value) {
            this.resume = value;
            return this;
        }

        /** How long GetActivityTask waits for a task (default 60 s, as AWS). */
        public Builder activityPollTimeout(java.time.Duration value) {
            engine.activityPollTimeout(value);
            return this;
        }

        /** Seed for reproducible ids and tokens. */
        public Builder seed(long value) {
            engine.seed(value);
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        public StepFunctionsServer start() {
            StepFunctionsEngine e = engine.build();
            if (resume) {
                e.resumeExecutions();
            }
            try {
                ApiService service = new ApiService(e);
                FrontServer http =
                        FrontServer.builder("states", service).host(host).port(port).start();
                return new StepFunctionsServer(http, service, e);
            } catch (RuntimeException ex) {
                e.close();
                throw ex;
            }
        }
    }
}
