package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.Arns;
import dev.orderflow.states.internal.exec.ExecutionRun;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Every execution by ARN, and per state machine newest first (ListExecutions). Executions are kept
 * for the engine's lifetime. Thread-safe.
 */
public final class ExecutionStore {
    private final Map<String, ExecutionRun> executions = new ConcurrentHashMap<>(1024);
    private final Map<String, Deque<ExecutionRun>> byMachine = new ConcurrentHashMap<>();

    /**
     * Registers {@code run} unless its ARN is taken; returns the execution holding the ARN then.
     */
    public Optional<ExecutionRun> claim(ExecutionRun run) {
        return Optional.ofNullable(executions.putIfAbsent(run.executionArn(), run));
    }

    /** Lists a claimed execution under its state machine. */
    public void index(ExecutionRun run) {
        byMachine
                .computeIfAbsent(run.stateMachineArn(), k -> new ConcurrentLinkedDeque<>())
                .addFirst(run);
    }

    /** True when an execution has this ARN. */
    public boolean contains(String executionArn) {
        return executions.containsKey(executionArn);
    }

    /** The execution. @throws StepFunctionsException InvalidArn, ExecutionDoesNotExist */
    public ExecutionRun get(String executionArn) {
        Arns.checkExecutionArn(executionArn);
        ExecutionRun r = executions.get(executionArn);
        if (r == null) {
            throw new StepFunctionsException(
                    "ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
        }
        return r;
    }

    /** The executions of a state machine, newest first, optionally only those with a status. */
    public List<ExecutionRun> of(String stateMachineArn, Optional<ExecutionStatus> status) {
        List<ExecutionRun> out = new ArrayList<>();
        for (ExecutionRun r :
                byMachine.getOrDefault(stateMachineArn, new ConcurrentLinkedDeque<>())) {
            if (status.isEmpty() || r.status() == status.get()) {
                out.add(r);
            }
        }
        return out;
    }
}
