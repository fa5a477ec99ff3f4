package dev.orderflow.states.internal.tasks;

import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.json.StatesFailure;

/** Starts nested executions for {@code states:startExecution}; implemented by the engine. */
public interface ChildExecutions {
    /**
     * Starts an execution.
     *
     * @throws StatesFailure with the AWS error (for example {@code
     *     StepFunctions.StateMachineDoesNotExistException})
     */
    ExecutionRun startChild(String stateMachineArn, String name, String input);
}
