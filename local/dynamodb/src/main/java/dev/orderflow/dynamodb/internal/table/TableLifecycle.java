package dev.orderflow.dynamodb.internal.table;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When a table (and each index it gained by UpdateTable) stops being CREATING or UPDATING. Status
 * is computed from the clock on every look, so no timer thread moves tables along and a test's
 * fixed clock keeps a table in its state for as long as the test needs. With the engine's default
 * lifecycle delay of zero no deadline is ever set and everything is ACTIVE at once.
 */
public final class TableLifecycle {

    /** The states of DynamoDB's {@code TableStatus} a live table can be in. */
    public enum Status {
        CREATING,
        UPDATING,
        ACTIVE
    }

    private Instant creatingUntil;
    private Instant updatingUntil;
    private final Map<String, Instant> backfillingUntil = new HashMap<>();

    /** The table was just created and becomes ACTIVE at {@code until}. */
    public void creating(Instant until) {
        this.creatingUntil = until;
    }

    /** The table was just updated and becomes ACTIVE again at {@code until}. */
    public void updating(Instant until) {
        this.updatingUntil = until;
    }

    /** A new global secondary index fills from the table until {@code until}. */
    public void backfilling(String index, Instant until) {
        backfillingUntil.put(index, until);
    }

    /** The index is gone; forget its deadline. */
    public void indexRemoved(String index) {
        backfillingUntil.remove(index);
    }

    /**
     * Whether the table is still CREATING; asks the clock only when a creation deadline was set,
     * since every data-plane call looks (with the default delay of zero none ever is).
     */
    public boolean isCreating(Clock clock) {
        return creatingUntil != null && clock.instant().isBefore(creatingUntil);
    }

    public Status status(Instant now) {
        if (creatingUntil != null && now.isBefore(creatingUntil)) {
            return Status.CREATING;
        }
        if (updatingUntil != null && now.isBefore(updatingUntil)) {
            return Status.UPDATING;
        }
        return Status.ACTIVE;
    }

    /** Whether the index is still backfilling (its {@code IndexStatus} is CREATING). */
    public boolean isBackfilling(String index, Instant now) {
        Instant until = backfillingUntil.get(index);
        return until != null && now.isBefore(until);
    }
}
