package dev.orderflow.states.internal.model;

import java.util.List;

/** One entry of a state's {@code Retry} array (ASL spec "Retrying after error"). */
public record Retrier(
        List<String> errorEquals,
        double intervalSeconds,
        int maxAttempts,
        double backoffRate,
        Long maxDelaySeconds,
        boolean fullJitter) {
    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }
}
