package dev.orderflow.states.api;

import java.util.Optional;

/**
 * What TestState returns: status is SUCCEEDED, FAILED, CAUGHT_ERROR or RETRIABLE. {@code input} and
 * {@code errorDetails} are the inspection data the API answers at the DEBUG and TRACE levels.
 */
public record TestStateResult(
        String status,
        Optional<String> output,
        Optional<String> error,
        Optional<String> cause,
        Optional<String> nextState,
        Optional<String> input,
        Optional<TestStateErrorDetails> errorDetails) {

    /** The same result with inspection data added. */
    public TestStateResult inspected(String stateInput, Optional<TestStateErrorDetails> details) {
        return new TestStateResult(
                status, output, error, cause, nextState, Optional.of(stateInput), details);
    }
}
