package dev.orderflow.states.internal.exec;

import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.VirtualClock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Blocking wait for an execution's end, firing virtual timers when time is virtual. */
public final class Completions {
    private Completions() {}

    /** Waits until {@code run} has ended and returns it. */
    public static ExecutionRun await(ExecutionRun run) {
        CompletableFuture<ExecutionRun> done = new CompletableFuture<>();
        run.onCompletion(done::complete);
        run.help();
        if (run.services().clock() instanceof VirtualClock vc) {
            while (!done.isDone() && vc.runUntilIdle(1) > 0) {
                // keep firing timers until the execution ends or nothing is pending
            }
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFunctionsException("ServiceUnavailable", "interrupted", 500);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
