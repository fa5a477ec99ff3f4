package dev.orderflow.states.internal.activities;

import dev.orderflow.states.api.ActivityTask;
import dev.orderflow.states.api.StatesClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The tasks scheduled on one activity and the workers polling it (AWS API reference
 * GetActivityTask): each task goes to exactly one worker, oldest task to the longest-waiting
 * worker. A waiting poll is a future completed by a scheduled task or by its timeout, so it holds
 * no thread of the engine.
 */
public final class ActivityQueue {
    /**
     * A scheduled task: its token and input; {@code live} is false once the Task state ended
     * another way (timeout, stop), and {@code onTaken} receives the worker's name.
     */
    public record Scheduled(
            String token, String input, BooleanSupplier live, Consumer<String> onTaken) {}

    private record Poller(CompletableFuture<ActivityTask> answer, String workerName) {}

    private final Deque<Scheduled> tasks = new ArrayDeque<>();
    private final Deque<Poller> pollers = new ArrayDeque<>();

    /** Hands {@code task} to a waiting worker, or keeps it for the next poll. */
    public void offer(Scheduled task) {
        synchronized (this) {
            Poller p;
            while ((p = pollers.poll()) != null) {
                // complete() is atomic: a poll that timed out meanwhile refuses the task.
                if (p.answer().complete(handout(task))) {
                    task.onTaken().accept(p.workerName());
                    return;
                }
            }
            tasks.add(task);
        }
    }

    /**
     * A task for {@code workerName}: at once when one waits, otherwise when one is scheduled within
     * {@code timeout}, otherwise {@link ActivityTask#none()} once it has passed.
     */
    public CompletableFuture<ActivityTask> poll(
            String workerName, Duration timeout, StatesClock clock) {
        Scheduled found = null;
        Poller waiting = null;
        synchronized (this) {
            Scheduled t;
            while ((t = tasks.poll()) != null) {
                if (t.live().getAsBoolean()) {
                    found = t;
                    break;
                }
            }
            if (found == null) {
                waiting = new Poller(new CompletableFuture<>(), workerName);
                pollers.add(waiting);
            }
        }
        if (found != null) {
            found.onTaken().accept(workerName);
            return CompletableFuture.completedFuture(handout(found));
        }
        Poller p = waiting;
        clock.schedule(
                timeout,
                () -> {
                    synchronized (this) {
                        pollers.remove(p);
                        p.answer().complete(ActivityTask.none());
                    }
                });
        return p.answer();
    }

    private static ActivityTask handout(Scheduled task) {
        return new ActivityTask(Optional.of(task.token()), Optional.of(task.input()));
    }
}
