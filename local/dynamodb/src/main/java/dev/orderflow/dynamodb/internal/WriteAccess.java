package dev.orderflow.dynamodb.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine.DeletingTable;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.journal.StreamCodec;
import dev.orderflow.dynamodb.internal.journal.TableCodec;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.stream.StreamRecord;
import dev.orderflow.dynamodb.internal.table.ItemId;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.value.AttributeJson;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's tables and streams as a writer changes them. Only {@link Engine#write} hands one
 * out, to code running under the write lock.
 */
public final class WriteAccess extends ReadAccess {

    /** Journal entries of the group being written; null if none. */
    private List<ObjectNode> group;

    WriteAccess(Engine engine) {
        super(engine);
    }

    /** Adds the table, replacing one of the same name. */
    public void putTable(Table t) {
        tables.put(t.definition().name(), t);
    }

    /** Removes the table with the name; returns it, or null if there was none. */
    public Table removeTable(String name) {
        return tables.remove(name);
    }

    /** Adds the stream, replacing one of the same ARN. */
    public void putStream(StreamLog log) {
        streams.put(log.arn(), log);
    }

    /** Records a deleted table as DELETING until the deadline. */
    public void markDeleting(String name, DeletingTable table) {
        deleting.put(name, table);
    }

    /** Forgets a DELETING table (its name is taken again). */
    public void forgetDeleting(String name) {
        deleting.remove(name);
    }

    /**
     * Fails with AWS's TransactionConflictException when a write transaction in flight holds the
     * item ("Transaction conflict handling", Developer Guide): single-item writes never wait for a
     * transaction.
     */
    public void checkNotHeld(String table, Map<String, AttributeValue> key) {
        if (isHeld(table, key, null)) {
            throw ApiException.transactionConflict();
        }
        engine.replicaHooks().admit(table, key);
    }

    /** Marks the items as held by {@code owner} until {@link #release}. */
    public void hold(List<ItemId> items, Object owner) {
        for (ItemId id : items) {
            held.put(id, owner);
        }
    }

    /** Releases the items {@code owner} holds; idempotent. */
    public void release(List<ItemId> items, Object owner) {
        for (ItemId id : items) {
            held.remove(id, owner);
        }
    }

    /**
     * Starts collecting journal entries so that a multi-item write (a transaction) is journaled as
     * one line: after a crash it is either entirely there or entirely absent. The caller must call
     * {@link #endGroup()}.
     */
    public void beginGroup() {
        group = new ArrayList<>();
    }

    /** Journals the collected entries as one group entry. */
    public void endGroup() {
        List<ObjectNode> entries = group;
        group = null;
        if (entries != null && !entries.isEmpty()) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("op", "group");
            entries.forEach(e.putArray("entries")::add);
            engine.journal().append(e, this);
        }
    }

    private void journalEntry(Journal j, ObjectNode e) {
        if (group != null) {
            group.add(e);
        } else {
            j.append(e, this);
        }
    }

    /** Journals a table's full metadata after it was created or changed. */
    public void journalTable(Table t) {
        Journal j = engine.journal();
        if (j != Journal.NONE) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("op", "table");
            e.set("table", TableCodec.encode(t));
            j.append(e, this);
        }
    }

    /** Journals a table deletion. */
    public void journalDrop(String name) {
        Journal j = engine.journal();
        if (j != Journal.NONE) {
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("op", "drop");
            e.put("table", name);
            j.append(e, this);
        }
    }

    /**
     * Records a committed item change: stream record and journal entry. Called after the table was
     * changed. {@code newItem} null means a delete.
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
        record(t, key, oldItem, newItem, byTtl);
        engine.replicaHooks().committed(t.definition().name(), key, oldItem, newItem, byTtl);
    }

    /**
     * Applies a write replicated from another region's replica: no condition, no hooks; the stream
     * record is computed against this replica's item, like a local write's. {@code newItem} null
     * deletes. Returns whether the item changed.
     */
    public boolean applyReplicated(
            Table t, Map<String, AttributeValue> key, Map<String, AttributeValue> newItem) {
        Map<String, AttributeValue> old = newItem == null ? t.delete(key) : t.put(newItem);
        if (old == null && newItem == null) {
            return false;
        }
        record(t, key, old, newItem, false);
        return true;
    }

    private void record(
            Table t,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem,
            boolean byTtl) {
        StreamLog s = t.stream();
        StreamRecord record =
                s == null ? null : s.append(key, oldItem, newItem, engine.clock().instant(), byTtl);
        Journal j = engine.journal();
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
                e.set("stream", StreamCodec.encode(record));
            }
            journalEntry(j, e);
        }
    }
}
