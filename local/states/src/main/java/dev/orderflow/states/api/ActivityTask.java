package dev.orderflow.states.api;

import java.util.Optional;

/**
 * What GetActivityTask hands a worker: the task token and the task's input (JSON text), both empty
 * when no task was scheduled before the long poll ended.
 */
public record ActivityTask(Optional<String> taskToken, Optional<String> input) {
    /** The answer to a poll that found nothing. */
    public static ActivityTask none() {
        return new ActivityTask(Optional.empty(), Optional.empty());
    }
}
