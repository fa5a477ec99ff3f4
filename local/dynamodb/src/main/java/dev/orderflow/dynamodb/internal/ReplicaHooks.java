package dev.orderflow.dynamodb.internal;

import dev.orderflow.dynamodb.internal.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a global-table replication layer needs from one engine: to see every committed item change,
 * to refuse a write before it changes anything, to refuse what a table's replication mode does not
 * allow, and to add the replicas to DescribeTable. An engine not linked to others has {@link #NONE}
 * and pays one virtual call per write. Every method is called by the engine; none may call back
 * into the engine that called it.
 */
public interface ReplicaHooks {

    /** The hooks of an engine that replicates nothing. */
    ReplicaHooks NONE = new ReplicaHooks() {};

    /**
     * Called under the write lock before a single-item or batch write changes the item; throws to
     * refuse the write (nothing has changed yet).
     */
    default void admit(String table, Map<String, AttributeValue> key) {}

    /**
     * Called under the write lock after a local write changed an item ({@code newItem} null: it was
     * deleted; {@code byTtl}: by the TTL sweeper). Not called for replicated writes.
     */
    default void committed(
            String table,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem,
            boolean byTtl) {}

    /**
     * Called on the writer's thread once the outermost write lock is released, whether the write
     * succeeded or failed.
     */
    default void writeEnded() {}

    /** Throws when a transaction may not touch the table. */
    default void checkTransaction(String table) {}

    /** Throws when the table's Time to Live may not be changed. */
    default void checkTimeToLive(String table) {}

    /** The table's global-table facts for DescribeTable, or empty when it is not global. */
    default Optional<GlobalTable> globalTable(String table) {
        return Optional.empty();
    }

    /** A replica's view of its global table: the other replicas' regions, and whether STRONG. */
    record GlobalTable(List<String> otherRegions, boolean strong) {
        public GlobalTable {
            otherRegions = List.copyOf(otherRegions);
        }
    }
}
