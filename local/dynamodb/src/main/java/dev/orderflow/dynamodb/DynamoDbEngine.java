package dev.orderflow.dynamodb;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.ops.Operations;
import dev.orderflow.dynamodb.internal.pipeline.Dispatcher;
import dev.orderflow.dynamodb.internal.storage.DataDirectory;
import dev.orderflow.dynamodb.internal.ttl.TtlSweeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The DynamoDB engine without HTTP: takes an {@code X-Amz-Target} and a JSON 1.0 body, returns the
 * status and body AWS would. Thread-safe. Use it in-process (benchmarks, embedding); use {@link
 * DynamoDbServer} to serve the AWS SDK and CLI over HTTP.
 */
public final class DynamoDbEngine implements AutoCloseable {
    private final Engine engine;
    private final Dispatcher dispatcher;
    private final TtlSweeper sweeper;
    private final DataDirectory storage;

    private DynamoDbEngine(Clock clock, Path dataDir) {
        this.engine = new Engine(clock);
        Operations.registerAll(engine);
        this.dispatcher = new Dispatcher(engine);
        this.sweeper = new TtlSweeper(engine);
        this.storage = dataDir == null ? null : DataDirectory.open(engine, dataDir);
    }

    /** An engine that keeps everything in memory. */
    public static DynamoDbEngine inMemory(Clock clock) {
        return new DynamoDbEngine(Objects.requireNonNull(clock, "clock"), null);
    }

    /**
     * An engine persisting to {@code dataDir} (created if missing): recovers the snapshot and
     * write-ahead log found there, then logs every acknowledged change before returning.
     *
     * @throws java.io.UncheckedIOException if the directory cannot be read or written
     */
    public static DynamoDbEngine persistent(Path dataDir, Clock clock) {
        return new DynamoDbEngine(
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(dataDir, "dataDir"));
    }

    /**
     * Makes table changes take this long, as on AWS: a new table is CREATING (data-plane calls get
     * ResourceNotFoundException), an updated one UPDATING, a deleted one DELETING (still described
     * and listed), a new global secondary index backfilling (not readable). Zero, the default,
     * makes every change take effect at once.
     *
     * @return this engine
     */
    public DynamoDbEngine lifecycleDelay(Duration delay) {
        engine.lifecycleDelay(Objects.requireNonNull(delay, "delay"));
        return this;
    }

    /** Status code and JSON body of a response. */
    public record Response(int status, byte[] body) {}

    /**
     * Runs one API call. Never throws for bad input: errors come back as AWS error bodies with
     * status 400 (500 only for an internal bug).
     *
     * @param target the {@code X-Amz-Target} header, e.g. {@code DynamoDB_20120810.GetItem}
     */
    public Response invoke(String target, byte[] body) {
        Dispatcher.Result r = dispatcher.handle(target, body);
        return new Response(r.status(), r.body());
    }

    /**
     * Deletes every item whose TTL attribute is at or before the clock's now, as AWS's TTL
     * background process does; each delete appears in the table's stream as a service delete.
     *
     * @return how many items were deleted
     */
    public int sweepExpiredItems() {
        return sweeper.sweep();
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    Engine engine() {
        return engine;
    }

    /** Writes a snapshot (when persistent) and releases files. */
    @Override
    public void close() {
        if (storage != null) {
            storage.close();
        }
    }
}
