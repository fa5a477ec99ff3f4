package dev.orderflow.dynamodb.internal;

import dev.orderflow.dynamodb.internal.Engine.DeletingTable;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.table.ItemId;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine's tables and streams as a reader sees them. Only {@link Engine#read} and {@link
 * Engine#write} hand one out, to code running under the lock, so whoever holds it holds the lock.
 */
public class ReadAccess {
    final Engine engine;
    final TreeMap<String, Table> tables = new TreeMap<>();
    final Map<String, StreamLog> streams = new LinkedHashMap<>();

    /** Tables DeleteTable removed while they still show as DELETING. */
    final Map<String, DeletingTable> deleting = new HashMap<>();

    /** Items held by a write transaction between its two phases, to the holding transaction. */
    final Map<ItemId, Object> held = new HashMap<>();

    private final SortedMap<String, Table> tablesView = Collections.unmodifiableSortedMap(tables);
    private final Map<String, StreamLog> streamsView = Collections.unmodifiableMap(streams);

    ReadAccess(Engine engine) {
        this.engine = engine;
    }

    /** All tables by name, DELETING ones excluded. */
    public SortedMap<String, Table> tables() {
        return tablesView;
    }

    /** All streams by ARN, in the order they were created. */
    public Map<String, StreamLog> streams() {
        return streamsView;
    }

    /**
     * The table for a data-plane operation, or AWS's ResourceNotFoundException, which DynamoDB also
     * answers for a table still CREATING.
     */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null || t.lifecycle().isCreating(engine.clock())) {
            throw ApiException.resourceNotFound();
        }
        return t;
    }

    /**
     * The table, or the ResourceNotFoundException naming it that DynamoDB's table-level operations
     * (DescribeTable, UpdateTable, DeleteTable, the TTL operations) answer.
     */
    public Table namedTable(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw ApiException.resourceNotFound(
                    "Requested resource not found: Table: " + name + " not found");
        }
        return t;
    }

    /** The stream with the ARN, or the ResourceNotFoundException naming it. */
    public StreamLog stream(String arn) {
        StreamLog s = streams.get(arn);
        if (s == null) {
            throw ApiException.resourceNotFound(
                    "Requested resource not found: Stream: " + arn + " not found");
        }
        return s;
    }

    /** Deleted tables still DELETING at the clock's now, by name. */
    public Map<String, DeletingTable> deletingTables() {
        Instant now = engine.clock().instant();
        Map<String, DeletingTable> live = new TreeMap<>();
        deleting.forEach(
                (name, d) -> {
                    if (now.isBefore(d.until())) {
                        live.put(name, d);
                    }
                });
        return live;
    }

    /**
     * Whether another write transaction than {@code owner} holds the item (null owner: any
     * transaction).
     */
    public boolean isHeld(String table, Map<String, AttributeValue> key, Object owner) {
        if (held.isEmpty()) {
            return false;
        }
        Object holder = held.get(new ItemId(table, key));
        return holder != null && holder != owner;
    }
}
