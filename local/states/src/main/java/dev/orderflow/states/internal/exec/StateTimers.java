package dev.orderflow.states.internal.exec;

import dev.orderflow.states.api.StatesClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The timers of one state run (retry waits, Wait states, timeouts and heartbeats): each fires on
 * the execution's mailbox unless the state has finished, and all are cancelled when it ends.
 */
final class StateTimers {
    private final ExecutionRun execution;
    private final BooleanSupplier finished;
    private List<StatesClock.Cancellable> timers;

    StateTimers(ExecutionRun execution, BooleanSupplier finished) {
        this.execution = execution;
        this.finished = finished;
    }

    StatesClock.Cancellable schedule(Duration delay, Runnable action) {
        StatesClock.Cancellable[] holder = new StatesClock.Cancellable[1];
        holder[0] =
                execution
                        .services()
                        .clock()
                        .schedule(
                                delay,
                                () ->
                                        execution.post(
                                                () -> {
                                                    if (timers != null) {
                                                        timers.remove(holder[0]);
                                                    }
                                                    if (!finished.getAsBoolean()) {
                                                        action.run();
                                                    }
                                                }));
        if (timers == null) {
            timers = new ArrayList<>(2);
        }
        timers.add(holder[0]);
        StatesClock.Cancellable handle = holder[0];
        return () -> {
            handle.cancel();
            if (timers != null) {
                timers.remove(handle);
            }
        };
    }

    void cancelAll() {
        if (timers != null) {
            timers.forEach(StatesClock.Cancellable::cancel);
            timers = null;
        }
    }
}
