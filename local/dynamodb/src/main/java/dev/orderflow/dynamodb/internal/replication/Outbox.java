package dev.orderflow.dynamodb.internal.replication;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deliveries not yet applied, per receiving region, in the order their writes committed. A
 * delivery is due at its commit time plus the replication lag and deliverable once due while both
 * its origin and its receiver are attached: a detached region's own undelivered writes wait with
 * it, as AWS keeps "writes that have been performed but have not yet been propagated" until a
 * region is back. Not thread-safe: {@link Replication}'s lock guards it.
 */
final class Outbox {

    /** A delivery and when it is due. */
    record Pending(Delivery delivery, Instant due) {}

    private final Map<String, Deque<Pending>> byReceiver = new HashMap<>();

    void add(String receiver, Delivery d, Instant due) {
        byReceiver.computeIfAbsent(receiver, r -> new ArrayDeque<>()).addLast(new Pending(d, due));
    }

    /** Removes and returns, in order, the receiver's deliveries deliverable at {@code now}. */
    List<Pending> takeDeliverable(String receiver, Instant now, Set<String> attached) {
        Deque<Pending> queue = byReceiver.get(receiver);
        List<Pending> out = new ArrayList<>();
        if (queue == null) {
            return out;
        }
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (deliverable(p, now, attached)) {
                out.add(p);
                it.remove();
            }
        }
        return out;
    }

    /** Puts deliveries that could not be applied back in front, in their order. */
    void putBack(String receiver, List<Pending> undelivered) {
        Deque<Pending> queue = byReceiver.computeIfAbsent(receiver, r -> new ArrayDeque<>());
        for (int i = undelivered.size() - 1; i >= 0; i--) {
            queue.addFirst(undelivered.get(i));
        }
    }

    /** The earliest due time of a delivery whose origin and receiver are attached. */
    Optional<Instant> nextDue(Set<String> attached) {
        Instant next = null;
        for (Map.Entry<String, Deque<Pending>> e : byReceiver.entrySet()) {
            if (!attached.contains(e.getKey())) {
                continue;
            }
            for (Pending p : e.getValue()) {
                if (attached.contains(p.delivery().origin())
                        && (next == null || p.due().isBefore(next))) {
                    next = p.due();
                }
            }
        }
        return Optional.ofNullable(next);
    }

    int count(String receiver) {
        Deque<Pending> queue = byReceiver.get(receiver);
        return queue == null ? 0 : queue.size();
    }

    private static boolean deliverable(Pending p, Instant now, Set<String> attached) {
        return !p.due().isAfter(now) && attached.contains(p.delivery().origin());
    }
}
