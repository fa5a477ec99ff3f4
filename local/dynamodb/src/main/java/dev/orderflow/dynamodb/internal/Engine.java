package dev.orderflow.dynamodb.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The engine: its tables and streams, the lock that guards them and the operations. One read-write
 * lock serialises all writes (single items, batches and transaction phases) and lets reads run in
 * parallel, which makes every operation atomic. The tables and streams are reachable only through
 * the {@link ReadAccess} or {@link WriteAccess} that {@link #read} and {@link #write} hand to code
 * running under the lock. A write transaction runs in two phases under the lock and holds its items
 * in between (see {@link WriteAccess#hold}); writes to a held item fail with TransactionConflict,
 * which keeps transactions serializable with respect to each other and to single writes.
 */
public final class Engine {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final WriteAccess state = new WriteAccess(this);
    private final AtomicLong streamSequence = new AtomicLong(100_000_000_000_000_000L);
    private final Map<String, Operation> operations = new HashMap<>();
    private final TransactionPhases transactionPhases = TransactionPhases.installed();
    private volatile Journal journal = Journal.NONE;
    private volatile Duration lifecycleDelay = Duration.ZERO;
    private volatile ReplicaHooks replicaHooks = ReplicaHooks.NONE;

    /** A deleted table's last description, shown with status DELETING until {@code until}. */
    public record DeletingTable(ObjectNode description, Instant until) {}

    public Engine(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * How long a table stays CREATING, UPDATING or DELETING (and a new index backfilling). Zero,
     * the default, makes every change take effect at once.
     */
    public void lifecycleDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("lifecycle delay must not be negative");
        }
        this.lifecycleDelay = delay;
    }

    /** When a lifecycle change made now completes, or empty when changes are instant. */
    public Optional<Instant> lifecycleDeadline() {
        Duration d = lifecycleDelay;
        return d.isZero() ? Optional.empty() : Optional.of(clock.instant().plus(d));
    }

    public void journal(Journal j) {
        this.journal = j;
    }

    public Journal journal() {
        return journal;
    }

    /** The global-table replication hooks ({@link ReplicaHooks#NONE} unless linked). */
    public ReplicaHooks replicaHooks() {
        return replicaHooks;
    }

    public void replicaHooks(ReplicaHooks hooks) {
        this.replicaHooks = hooks;
    }

    public void register(String name, Operation op) {
        operations.put(name, op);
    }

    public Operation operation(String name) {
        return operations.get(name);
    }

    public AtomicLong streamSequence() {
        return streamSequence;
    }

    /** Runs {@code body} under the read lock, with the tables and streams to read. */
    public <T> T read(Function<ReadAccess, T> body) {
        lock.readLock().lock();
        try {
            return body.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code body} under the write lock, with the tables and streams to change. */
    public <T> T write(Function<WriteAccess, T> body) {
        ReplicaHooks hooks = replicaHooks;
        lock.writeLock().lock();
        try {
            return body.apply(state);
        } finally {
            lock.writeLock().unlock();
            if (!lock.isWriteLockedByCurrentThread()) {
                hooks.writeEnded();
            }
        }
    }

    /**
     * Tells the installed {@link dev.orderflow.dynamodb.spi.TransactionPhaseListener}s (usually
     * none) that a write transaction holds its items and is about to commit; outside the lock.
     */
    public void transactionPrepared() {
        transactionPhases.prepared();
    }
}
