package dev.orderflow.states.internal.tasks;

import dev.orderflow.states.spi.TaskOutcome;
import java.util.Optional;

/** Supplies mocked Task responses (Step Functions Local mock configuration). */
public interface MockResponder {
    /**
     * The mocked outcome for the given state in the given test case and attempt (0-based), or empty
     * when the state is not mocked.
     */
    Optional<TaskOutcome> respond(
            String stateMachineName, String testCase, String stateName, int attempt);

    /** A responder that mocks nothing. */
    static MockResponder none() {
        return (machine, testCase, state, attempt) -> Optional.empty();
    }
}
