package dev.orderflow.states.api;

import java.util.Optional;

/**
 * TestState's {@code inspectionData.errorDetails} (API reference "InspectionErrorDetails"): which
 * Catch caught the error, or which Retry matched it and the wait before that retry.
 */
public record TestStateErrorDetails(
        Optional<Integer> catchIndex,
        Optional<Integer> retryIndex,
        Optional<Integer> retryBackoffIntervalSeconds) {

    /** The details of an error caught by the Catch at {@code index}. */
    public static TestStateErrorDetails caught(int index) {
        return new TestStateErrorDetails(Optional.of(index), Optional.empty(), Optional.empty());
    }

    /** The details of an error the Retry at {@code index} retries after {@code seconds}. */
    public static TestStateErrorDetails retried(int index, int seconds) {
        return new TestStateErrorDetails(
                Optional.empty(), Optional.of(index), Optional.of(seconds));
    }
}
