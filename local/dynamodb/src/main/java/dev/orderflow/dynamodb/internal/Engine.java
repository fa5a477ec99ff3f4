package dev.orderflow.dynamodb.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.journal.Journal;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.table.ItemId;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The engine's shared state. One read-write lock serialises all writes (single items, batches and
 * transaction phases) and lets reads run in parallel, which makes every operation atomic. A write
 * transaction runs in two phases under the lock and holds its items in between (see {@link #hold});
 * writes to a held item fail with TransactionConflict, which keeps transactions serializable with
 * respect to each other and to single writes.
 */
public final class Engine {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Table> tables = new TreeMap<>();
    private final Map<String, StreamLog> streams = new LinkedHashMap<>();
    private final AtomicLong streamSequence = new AtomicLong(100_000_000_000_000_000L);
    private final Map<String, Operation> operations = new HashMap<>();
    private volatile Journal journal = Journal.NONE;
    private volatile Duration lifecycleDelay = Duration.ZERO;

    /** Tables DeleteTable removed while they still show as DELETING; guarded by the lock. */
    private final Map<String, DeletingTable> deleting = new HashMap<>();

    /** A deleted table's last description, shown with status DELETING until {@code until}. */
    public record DeletingTable(ObjectNode description, Instant until) {}

    /**
     * Items held by a write transaction between its two phases, to the holding transaction. Guarded
     * by the write lock.
     */
    private final Map<ItemId, Object> held = new HashMap<>();

    private final TransactionPhases transactionPhases = TransactionPhases.installed();

    /** Journal entries of the group being written (guarded by the write lock); null if none. */
    private java.util.List<ObjectNode> group;

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

    /** Deleted tables still DELETING at the clock's now, by name; callers hold the lock. */
    public Map<String, DeletingTable> deletingTables() {
        Instant now = clock.instant();
        Map<String, DeletingTable> live = new TreeMap<>();
        deleting.forEach(
                (name, d) -> {
                    if (now.isBefore(d.until())) {
                        live.put(name, d);
                    }
                });
        return live;
    }

    /** Records a deleted table as DELETING until the deadline; callers hold the write lock. */
    public void markDeleting(String name, DeletingTable table) {
        deleting.put(name, table);
    }

    /** Forgets a DELETING table (its name is taken again); callers hold the write lock. */
    public void forgetDeleting(String name) {
        deleting.remove(name);
    }

    public void journal(Journal j) {
        this.journal = j;
    }

    public Journal journal() {
        return journal;
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

    /** All tables by name; callers hold the lock. */
    public TreeMap<String, Table> tables() {
        return tables;
    }

    public Map<String, StreamLog> streams() {
        return streams;
    }

    /**
     * The table for a data-plane operation, or AWS's ResourceNotFoundException, which DynamoDB also
     * answers for a table still CREATING; callers hold the lock.
     */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null || t.lifecycle().isCreating(clock)) {
            throw ApiException.resourceNotFound();
        }
        return t;
    }

    /**
     * The table, or the ResourceNotFoundException naming it that DynamoDB's table-level operations
     * (DescribeTable, UpdateTable, DeleteTable, the TTL operations) answer; callers hold the lock.
     */
    public Table namedTable(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw ApiException.resourceNotFound(
                    "Requested resource not found: Table: " + name + " not found");
        }
        return t;
    }

    /**
     * The stream with the ARN, or the ResourceNotFoundException naming it; callers hold the lock.
     */
    public StreamLog stream(String arn) {
        StreamLog s = streams.get(arn);
        if (s == null) {
            throw ApiException.resourceNotFound(
                    "Requested resource not found: Stream: " + arn + " not found");
        }
        return s;
    }

    public <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Whether another write transaction than {@code owner} holds the item (null owner: any
     * transaction). Caller holds the write lock.
     */
    public boolean isHeld(String table, Map<String, AttributeValue> key, Object owner) {
        if (held.isEmpty()) {
            return false;
        }
        Object holder = held.get(new ItemId(table, key));
        return holder != null && holder != owner;
    }

    /**
     * Fails with AWS's TransactionConflictException when a write transaction in flight holds the
     * item ("Transaction conflict handling", Developer Guide): single-item writes never wait for a
     * transaction. Caller holds the write lock.
     */
    public void checkNotHeld(String table, Map<String, AttributeValue> key) {
        if (isHeld(table, key, null)) {
            throw ApiException.transactionConflict();
        }
    }

    /** Marks the items as held by {@code owner} until {@link #release}. Caller holds the lock. */
    public void hold(List<ItemId> items, Object owner) {
        for (ItemId id : items) {
            held.put(id, owner);
        }
    }

    /** Releases the items {@code owner} holds; idempotent. Caller holds the write lock. */
    public void release(List<ItemId> items, Object owner) {
        for (ItemId id : items) {
            held.remove(id, owner);
        }
    }

    /**
     * Tells the installed {@link dev.orderflow.dynamodb.spi.TransactionPhaseListener}s (usually
     * none) that a write transaction holds its items and is about to commit; outside the lock.
     */
    public void transactionPrepared() {
        transactionPhases.prepared();
    }

    /**
     * Starts collecting journal entries so that a multi-item write (a transaction) is journaled as
     * one line: after a crash it is either entirely there or entirely absent. Caller holds the
     * write lock and must call {@link #endGroup()}.
     */
    public void beginGroup() {
        group = new java.util.ArrayList<>();
    }

    /** Journals the collected entries as one group entry. */
    public void endGroup() {
        java.util.List<ObjectNode> entries = group;
        group = null;
        if (entries != null && !entries.isEmpty()) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("op", "group");
            entries.forEach(e.putArray("entries")::add);
            journal.append(e);
        }
    }

    private void journalEntry(Journal j, ObjectNode e) {
        if (group != null) {
            group.add(e);
        } else {
            j.append(e);
        }
    }

    /** Journals a table's full metadata after it was created or changed (under the write lock). */
    public void journalTable(Table t) {
        Journal j = journal;
        if (j != Journal.NONE) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("op", "table");
            e.set("table", dev.orderflow.dynamodb.internal.journal.TableCodec.encode(t));
            j.append(e);
        }
    }

    /** Journals a table deletion (under the write lock). */
    public void journalDrop(String name) {
        Journal j = journal;
        if (j != Journal.NONE) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("op", "drop");
            e.put("table", name);
            j.append(e);
        }
    }

    /**
     * Records a committed item change: stream record and journal entry. Called under the write lock
     * after the table was changed. {@code newItem} null means a delete.
     */
    public void changed(
            Table t,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem,
            boolean byTtl) {
        if (oldItem == null && newItem == null) {
            return;
        }
        StreamLog s = t.stream();
        dev.orderflow.dynamodb.internal.stream.StreamRecord record =
                s == null ? null : s.append(key, oldItem, newItem, clock.instant(), byTtl);
        Journal j = journal;
        if (j != Journal.NONE) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("table", t.definition().name());
            if (newItem == null) {
                e.put("op", "delete");
                e.set("key", AttributeJson.writeItem(key));
            } else {
                e.put("op", "put");
                e.set("item", AttributeJson.writeItem(newItem));
            }
            if (record != null) {
                e.put("streamArn", s.arn());
                e.set("stream", dev.orderflow.dynamodb.internal.journal.StreamCodec.encode(record));
            }
            journalEntry(j, e);
        }
    }
}
