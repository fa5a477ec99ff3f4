package dev.orderflow.dynamodb;

import dev.orderflow.dynamodb.internal.replication.Replication;
import dev.orderflow.dynamodb.spi.StrongWriteListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Global tables (version 2019.11.21) between the engines of several local regions in one JVM: the
 * tables of one name in every attached region become replicas of one global table.
 *
 * <ul>
 *   <li>{@link Consistency#EVENTUAL} (MREC): every committed write (single item, batch,
 *       transaction, PartiQL, TTL deletion) reaches the other replicas asynchronously, after the
 *       replication lag; conflicts resolve last-writer-wins per item by the write's timestamp,
 *       deletes included (tombstones). A replicated write bypasses conditions, consumes no
 *       capacity, maintains the receiver's indexes and appears in its stream as an ordinary INSERT,
 *       MODIFY or REMOVE against its own old image.
 *   <li>{@link Consistency#STRONG} (MRSC): a write is applied to every attached replica before its
 *       call returns; a write to an item that another region is writing fails with
 *       ReplicatedWriteConflictException; transactions and UpdateTimeToLive on the table are
 *       refused.
 * </ul>
 *
 * A {@linkplain #detach detached} region keeps everything not yet delivered, in both directions,
 * until it is {@linkplain #attach attached} again (the same engine object or a new one over the
 * same data directory). Engines that are never attached behave exactly as before. Thread-safe.
 */
public final class GlobalTables implements AutoCloseable {

    /** A global table's consistency mode. */
    public enum Consistency {
        /** Multi-Region eventual consistency (MREC), the default of AWS. */
        EVENTUAL,
        /** Multi-Region strong consistency (MRSC). */
        STRONG
    }

    private final Replication replication;

    /**
     * @param replicationLag how long after its commit an MREC write is applied in the other
     *     regions; zero delivers as soon as possible, still asynchronously
     */
    public GlobalTables(Duration replicationLag) {
        this(replicationLag, Clock.systemUTC());
    }

    /**
     * As {@link #GlobalTables(Duration)}, measuring the lag on {@code clock} (a test's clock makes
     * deliveries due when it moves; {@link #deliverDue()} then applies them at once).
     */
    public GlobalTables(Duration replicationLag, Clock clock) {
        this.replication =
                new Replication(
                        Objects.requireNonNull(replicationLag, "replicationLag"),
                        Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Links a region's engine (again, after {@link #detach}: the same object or a new engine over
     * the same data), and delivers what waited for it and what it made before it was detached.
     *
     * @throws IllegalArgumentException if one of its tables that is global has another key schema
     */
    public void attach(String region, DynamoDbEngine engine) {
        replication.attach(
                Objects.requireNonNull(region, "region"),
                Objects.requireNonNull(engine, "engine").engine());
    }

    /**
     * The region is down: its engine is unlinked (and may be closed). Changes destined for it, and
     * its own changes not yet delivered, wait until it is attached again.
     */
    public void detach(String region) {
        replication.detach(Objects.requireNonNull(region, "region"));
    }

    /**
     * Makes the tables of this name in every attached region replicas of one global table. Calling
     * it again with the same mode does nothing.
     *
     * @throws IllegalArgumentException if the table is missing in an attached region or its key
     *     schemas differ
     * @throws IllegalStateException ("ValidationException: ...") for STRONG on a table that is not
     *     empty, has TTL enabled or local secondary indexes, or when the mode would change
     */
    public void replicate(String tableName, Consistency consistency) {
        replication.replicate(
                Objects.requireNonNull(tableName, "tableName"),
                Objects.requireNonNull(consistency, "consistency") == Consistency.STRONG);
    }

    /** Installs the listener told of every MRSC write before the other replicas apply it. */
    public void strongWriteListener(StrongWriteListener listener) {
        replication.strongWriteListener(Objects.requireNonNull(listener, "listener"));
    }

    /** How many deliveries wait to be applied in the region (not yet due, or it is detached). */
    public int pendingDeliveries(String region) {
        return replication.pending(Objects.requireNonNull(region, "region"));
    }

    /**
     * Applies, now, every delivery that is due and whose two regions are attached (the background
     * thread does the same on its own); returns how many were applied or dropped by
     * last-writer-wins.
     */
    public int deliverDue() {
        return replication.deliverDue();
    }

    /** Stops the delivery thread and unlinks every engine; undelivered changes are dropped. */
    @Override
    public void close() {
        replication.close();
    }
}
