package dev.orderflow.dynamodb.internal.replication;

import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.ReplicaHooks;
import dev.orderflow.dynamodb.internal.table.ItemId;
import dev.orderflow.dynamodb.internal.value.AttributeValue;
import dev.orderflow.dynamodb.spi.StrongWriteListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global tables between the engines of several regions in one JVM. MREC writes are queued in the
 * {@link Outbox} and applied by the {@link DeliveryLoop} after the lag; MRSC writes are applied to
 * every attached replica on the writer's thread before its call returns. Both resolve conflicts
 * last-writer-wins per item ({@link Version}).
 *
 * <p>Locks: {@code lock} guards the regions and the outbox and is never held while an engine's lock
 * is taken; hooks run under their engine's lock and take {@code lock} briefly.
 */
public final class Replication implements AutoCloseable {
    private final Duration lag;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, RegionReplica> regions = new LinkedHashMap<>();
    private final Outbox outbox = new Outbox();

    /** Deliveries taken from the outbox and being applied, per receiving region. */
    private final Map<String, Integer> inFlight = new HashMap<>();

    /** Global tables by name: true for MRSC (STRONG), false for MREC. */
    private final Map<String, Boolean> tables = new ConcurrentHashMap<>();

    private final StrongClaims claims = new StrongClaims();

    /** The MRSC write running on a thread (each thread writes through one engine at a time). */
    private static final ThreadLocal<StrongWrite> STRONG_WRITE = new ThreadLocal<>();

    private final DeliveryLoop loop;
    private volatile StrongWriteListener listener = (region, table) -> {};

    /** The MRSC part of the write running on a thread: its claims and committed changes. */
    private static final class StrongWrite {
        final Replication owner;
        final List<ItemId> claimed = new ArrayList<>();
        final List<Delivery> committed = new ArrayList<>();

        StrongWrite(Replication owner) {
            this.owner = owner;
        }
    }

    public Replication(Duration lag, Clock clock) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("replication lag must not be negative");
        }
        this.lag = lag;
        this.clock = clock;
        this.loop = new DeliveryLoop(this, lock);
        loop.start();
    }

    public void attach(String region, Engine engine) {
        List<Engine> others;
        synchronized (lock) {
            others = attachedEngines(region);
        }
        for (String table : tables.keySet()) {
            TableCheck.sameKeyAsOthers(table, engine, others);
        }
        RegionReplica r;
        synchronized (lock) {
            r = regions.computeIfAbsent(region, RegionReplica::new);
        }
        r.attach(engine, new RegionHooks(region));
        loop.wake();
    }

    public void detach(String region) {
        RegionReplica r;
        synchronized (lock) {
            r = regions.get(region);
        }
        if (r != null) {
            r.detach();
        }
    }

    public void replicate(String table, boolean strong) {
        Boolean current = tables.get(table);
        if (current != null) {
            if (current != strong) {
                throw new IllegalStateException(
                        "ValidationException: the consistency mode of global table "
                                + table
                                + " cannot be changed");
            }
            return;
        }
        List<Engine> engines;
        synchronized (lock) {
            engines = attachedEngines(null);
        }
        TableCheck.replicable(table, engines, strong); // engine locks: outside ours
        tables.putIfAbsent(table, strong);
    }

    public void strongWriteListener(StrongWriteListener l) {
        this.listener = l;
    }

    /** Deliveries waiting to be applied in the region, or being applied. */
    public int pending(String region) {
        synchronized (lock) {
            return outbox.count(region) + inFlight.getOrDefault(region, 0);
        }
    }

    /** Applies every delivery deliverable now; returns how many were taken from the outbox. */
    public int deliverDue() {
        int taken = 0;
        for (RegionReplica r : snapshot()) {
            List<Outbox.Pending> batch;
            synchronized (lock) {
                if (!r.attached()) {
                    continue;
                }
                batch = outbox.takeDeliverable(r.name(), clock.instant(), attachedNames());
                inFlight.merge(r.name(), batch.size(), Integer::sum);
            }
            if (batch.isEmpty()) {
                continue;
            }
            List<Outbox.Pending> later = batch;
            try {
                later = r.apply(batch);
            } finally {
                synchronized (lock) {
                    outbox.putBack(r.name(), later);
                    inFlight.merge(r.name(), -batch.size(), Integer::sum);
                }
            }
            taken += batch.size() - later.size();
        }
        return taken;
    }

    /** When the next delivery is due, if any is deliverable at all (under {@code lock}). */
    Optional<Instant> nextDue() {
        return outbox.nextDue(attachedNames());
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        loop.close();
        for (RegionReplica r : snapshot()) {
            r.detach();
        }
    }

    private List<RegionReplica> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(regions.values());
        }
    }

    private Set<String> attachedNames() {
        Set<String> names = new TreeSet<>();
        regions.values()
                .forEach(
                        r -> {
                            if (r.attached()) {
                                names.add(r.name());
                            }
                        });
        return names;
    }

    private List<Engine> attachedEngines(String except) {
        List<Engine> out = new ArrayList<>();
        for (RegionReplica r : regions.values()) {
            Engine e = r.engine();
            if (e != null && !r.name().equals(except)) {
                out.add(e);
            }
        }
        return out;
    }

    /** A committed write of {@code origin}: queued for every other region, due after the lag. */
    private void enqueue(String origin, Delivery d, Instant due) {
        synchronized (lock) {
            for (RegionReplica r : regions.values()) {
                if (!r.name().equals(origin)) {
                    outbox.add(r.name(), d, due);
                }
            }
        }
        loop.wake();
    }

    /** Applies an MRSC write to every other attached replica now; a detached one gets it later. */
    private void replicateStrong(String origin, List<Delivery> committed) {
        for (Delivery d : committed) {
            listener.replicating(origin, d.table());
        }
        Instant now = clock.instant();
        for (RegionReplica r : snapshot()) {
            if (r.name().equals(origin)) {
                continue;
            }
            List<Outbox.Pending> batch = new ArrayList<>();
            committed.forEach(d -> batch.add(new Outbox.Pending(d, now)));
            List<Outbox.Pending> later = r.apply(batch);
            if (!later.isEmpty()) {
                synchronized (lock) {
                    later.forEach(p -> outbox.add(r.name(), p.delivery(), now));
                }
            }
        }
    }

    /** The hooks installed on one region's engine. */
    private final class RegionHooks implements ReplicaHooks {
        private final String region;

        RegionHooks(String region) {
            this.region = region;
        }

        private RegionReplica replica() {
            synchronized (lock) {
                return regions.get(region);
            }
        }

        @Override
        public void admit(String table, Map<String, AttributeValue> key) {
            if (!Boolean.TRUE.equals(tables.get(table))) {
                return;
            }
            ItemId id = new ItemId(table, key);
            claims.claim(id, region);
            current().claimed.add(id);
        }

        @Override
        public void committed(
                String table,
                Map<String, AttributeValue> key,
                Map<String, AttributeValue> oldItem,
                Map<String, AttributeValue> newItem,
                boolean byTtl) {
            Boolean strong = tables.get(table);
            RegionReplica r = replica();
            if (strong == null || r == null || r.engine() == null) {
                return;
            }
            ItemId id = new ItemId(table, key);
            Version v =
                    r.versions()
                            .stampLocal(id, r.engine().clock().instant(), region, newItem == null);
            Delivery d = new Delivery(table, id.key(), newItem, v);
            if (strong) {
                current().committed.add(d);
            } else {
                enqueue(region, d, clock.instant().plus(lag));
            }
        }

        @Override
        public void writeEnded() {
            StrongWrite w = STRONG_WRITE.get();
            if (w == null || w.owner != Replication.this) {
                return;
            }
            STRONG_WRITE.remove();
            try {
                if (!w.committed.isEmpty()) {
                    replicateStrong(region, w.committed);
                }
            } finally {
                w.claimed.forEach(claims::release);
            }
        }

        @Override
        public void checkTransaction(String table) {
            if (Boolean.TRUE.equals(tables.get(table))) {
                throw TableCheck.notWithStrong("Transactions are", table);
            }
        }

        @Override
        public void checkTimeToLive(String table) {
            if (Boolean.TRUE.equals(tables.get(table))) {
                throw TableCheck.notWithStrong("Time to Live is", table);
            }
        }

        @Override
        public Optional<GlobalTable> globalTable(String table) {
            Boolean strong = tables.get(table);
            if (strong == null) {
                return Optional.empty();
            }
            List<String> others = new ArrayList<>();
            synchronized (lock) {
                regions.keySet()
                        .forEach(
                                n -> {
                                    if (!n.equals(region)) {
                                        others.add(n);
                                    }
                                });
            }
            return Optional.of(new GlobalTable(others, strong));
        }

        private StrongWrite current() {
            StrongWrite w = STRONG_WRITE.get();
            if (w == null) {
                w = new StrongWrite(Replication.this);
                STRONG_WRITE.set(w);
            }
            return w;
        }
    }
}
