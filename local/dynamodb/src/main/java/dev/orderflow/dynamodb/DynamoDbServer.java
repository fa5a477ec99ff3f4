package dev.orderflow.dynamodb;

import dev.orderflow.dynamodb.internal.http.PipelineService;
import dev.orderflow.dynamodb.internal.pipeline.RequestPipeline;
import dev.orderflow.protocol.FrontServer;
import dev.orderflow.protocol.HttpService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DynamoDB endpoint on a local port that the unmodified AWS SDK and CLI talk to (JSON 1.0 over
 * HTTP, DynamoDB and DynamoDB Streams APIs). Any credentials are accepted, but requests must be
 * signed (carry an {@code Authorization} header) as with AWS.
 *
 * <pre>{@code
 * try (DynamoDbServer server = DynamoDbServer.builder().port(0).start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint())...;
 * }
 * }</pre>
 */
public final class DynamoDbServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbServer.class);

    private final DynamoDbEngine engine;
    private final FrontServer front;
    private final PipelineService service;
    private final ScheduledExecutorService ttl;
    private final String host;

    private DynamoDbServer(Builder b) {
        this.engine =
                b.dataDir == null
                        ? DynamoDbEngine.inMemory(b.clock)
                        : DynamoDbEngine.persistent(b.dataDir, b.clock);
        this.host = b.host;
        engine.lifecycleDelay(b.lifecycleDelay);
        try {
            this.service = new PipelineService(new RequestPipeline(engine.dispatcher()));
            this.front = FrontServer.builder("dynamodb", service).host(b.host).port(b.port).start();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        this.ttl =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "dynamodb-ttl-sweeper");
                            t.setDaemon(true);
                            return t;
                        });
        long every = b.ttlSweepInterval.toMillis();
        if (every > 0) {
            // a sweep that throws ends the sweeping, so it logs that here: the future has nothing
            // left to tell
            var unused =
                    ttl.scheduleWithFixedDelay(
                            () -> {
                                try {
                                    engine.sweepExpiredItems();
                                } catch (RuntimeException e) {
                                    LOG.error(
                                            "TTL sweep failed; expired items are no longer deleted",
                                            e);
                                    throw e;
                                }
                            },
                            every,
                            every,
                            TimeUnit.MILLISECONDS);
        }
    }

    /** A builder with AWS-like defaults: port 8000, in memory, system UTC clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URI clients use as endpoint override, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create("http://" + h + ":" + port());
    }

    /** The bound port (the ephemeral one when built with port 0). */
    public int port() {
        return front.port();
    }

    /**
     * The server's HTTP service, for a host that serves DynamoDB on its own front (the local
     * cloud's edge) without a second hop over loopback.
     */
    public HttpService httpService() {
        return service;
    }

    /** The engine behind this server, for in-process calls and deterministic TTL sweeps. */
    public DynamoDbEngine engine() {
        return engine;
    }

    /** Runs a TTL sweep now; see {@link DynamoDbEngine#sweepExpiredItems()}. */
    public int sweepExpiredItems() {
        return engine.sweepExpiredItems();
    }

    /**
     * Stops listening, stops the TTL sweeper and flushes storage. Never throws a checked exception.
     */
    @Override
    public void close() {
        ttl.shutdownNow();
        front.close();
        engine.close();
    }

    /** Configures and starts a {@link DynamoDbServer}. */
    public static final class Builder {
        private int port = 8000;
        private Path dataDir;
        private Clock clock = Clock.systemUTC();
        private String host = "127.0.0.1";
        private Duration ttlSweepInterval = Duration.ofSeconds(5);
        private Duration lifecycleDelay = Duration.ZERO;

        private Builder() {}

        /** Port to listen on; 0 picks a free one. Default 8000. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Persist to this directory (write-ahead log + snapshots). Absent: in memory. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Clock for timestamps, TTL and stream retention. Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Interface to bind. Default 127.0.0.1; use 0.0.0.0 to accept remote clients. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** How often the background TTL sweeper runs; zero disables it. Default 5 s. */
        public Builder ttlSweepInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("interval must not be negative");
            }
            this.ttlSweepInterval = interval;
            return this;
        }

        /**
         * How long a table stays CREATING, UPDATING or DELETING and a new global secondary index
         * backfilling, as on AWS, so clients that wait for ACTIVE (SDK waiters, {@code aws dynamodb
         * wait table-exists}) can be tested. Default zero: every change takes effect at once.
         */
        public Builder lifecycleDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("lifecycle delay must not be negative");
            }
            this.lifecycleDelay = delay;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws java.io.UncheckedIOException if the port cannot be bound or the data directory
         *     cannot be used
         */
        public DynamoDbServer start() {
            return new DynamoDbServer(this);
        }
    }
}
