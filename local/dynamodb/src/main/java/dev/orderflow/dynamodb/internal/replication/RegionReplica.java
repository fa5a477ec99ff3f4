package dev.orderflow.dynamodb.internal.replication;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.ReplicaHooks;
import dev.orderflow.dynamodb.internal.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One region's side of the global tables: its engine while attached (null while detached), and its
 * last-writer-wins versions, which outlive the engine object so that a region brought back over the
 * same data directory resolves conflicts as before.
 */
final class RegionReplica {
    private final String name;
    private final ItemVersions versions = new ItemVersions();

    /** Held while deliveries are applied to the engine, so that detach waits for them. */
    private final ReentrantLock delivering = new ReentrantLock();

    private volatile Engine engine;

    RegionReplica(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    ItemVersions versions() {
        return versions;
    }

    Engine engine() {
        return engine;
    }

    boolean attached() {
        return engine != null;
    }

    /** Links the engine (replacing any other) and installs the hooks on it. */
    void attach(Engine e, ReplicaHooks hooks) {
        delivering.lock();
        try {
            if (engine != null && engine != e) {
                engine.replicaHooks(ReplicaHooks.NONE);
            }
            engine = e;
            e.replicaHooks(hooks);
        } finally {
            delivering.unlock();
        }
    }

    /** Unlinks the engine; waits for a delivery in progress to end first. */
    void detach() {
        delivering.lock();
        try {
            if (engine != null) {
                engine.replicaHooks(ReplicaHooks.NONE);
            }
            engine = null;
        } finally {
            delivering.unlock();
        }
    }

    /**
     * Applies the deliveries in order, each only if newer than this replica's version of its item
     * (an older one is dropped: it lost to a newer write). Returns those that could not be applied
     * yet (the region was detached meanwhile, or the table does not exist here yet).
     */
    List<Outbox.Pending> apply(List<Outbox.Pending> pending) {
        delivering.lock();
        try {
            Engine e = engine;
            if (e == null) {
                return pending;
            }
            return e.write(
                    state -> {
                        List<Outbox.Pending> later = new ArrayList<>();
                        for (Outbox.Pending p : pending) {
                            Delivery d = p.delivery();
                            Table t = state.tables().get(d.table());
                            if (t == null) {
                                later.add(p);
                            } else if (versions.acceptReplicated(d.id(), d.version())) {
                                state.applyReplicated(t, d.key(), d.newItem());
                            }
                        }
                        return later;
                    });
        } finally {
            delivering.unlock();
        }
    }
}
