package dev.orderflow.states.api;

import java.util.Optional;

/** What TestState returns: status is SUCCEEDED, FAILED or CAUGHT_ERROR. */
public record TestStateResult(
        String status,
        Optional<String> output,
        Optional<String> error,
        Optional<String> cause,
        Optional<String> nextState) {}
