package dev.orderflow.states.internal.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Who waits for an execution to end; each listener is called once, on the ending thread. */
final class CompletionListeners {
    private List<Consumer<ExecutionRun>> listeners;

    /**
     * Adds {@code listener} while {@code running} holds, else calls it at once. Checked under the
     * same lock {@link #fire} takes, so a listener is never missed.
     */
    void add(ExecutionRun run, BooleanSupplier running, Consumer<ExecutionRun> listener) {
        synchronized (this) {
            if (running.getAsBoolean()) {
                if (listeners == null) {
                    listeners = new ArrayList<>(1);
                }
                listeners.add(listener);
                return;
            }
        }
        listener.accept(run);
    }

    /** Calls and forgets the listeners added so far (the status has been set already). */
    void fire(ExecutionRun run) {
        List<Consumer<ExecutionRun>> ls;
        synchronized (this) {
            ls = listeners;
            listeners = null;
        }
        if (ls != null) {
            ls.forEach(l -> l.accept(run));
        }
    }
}
