package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.ExecutionRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the API does to an execution once it exists: describe, await, list, stop, redrive. The
 * engine's facade documents each; this class holds the work.
 */
public final class ExecutionControl {
    private final ExecutionStore executions;
    private final MachineRegistry machines;
    private final StatesClock clock;

    public ExecutionControl(
            ExecutionStore executions, MachineRegistry machines, StatesClock clock) {
        this.executions = executions;
        this.machines = machines;
        this.clock = clock;
    }

    public ExecutionDescription describe(String executionArn) {
        return describe(executions.get(executionArn));
    }

    /** Waits up to {@code timeout} for the execution to end, then describes it as it is. */
    public ExecutionDescription await(String executionArn, Duration timeout) {
        ExecutionRun run = executions.get(executionArn);
        CompletableFuture<ExecutionRun> done = new CompletableFuture<>();
        run.onCompletion(done::complete);
        run.help();
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // fall through: describe the execution as it is
        }
        return describe(run);
    }

    public List<ExecutionDescription> list(
            String stateMachineArn, Optional<ExecutionStatus> status) {
        // AWS API reference ListExecutions: a version or alias ARN lists the executions started
        // through it.
        QualifiedArn q = QualifiedArn.parse(stateMachineArn);
        machines.get(q.machineArn());
        return executions.of(q.machineArn(), status).stream()
                .filter(r -> q.qualifier() == null || startedThrough(r, stateMachineArn))
                .map(ExecutionControl::describe)
                .toList();
    }

    public Instant stop(String executionArn, Optional<String> error, Optional<String> cause) {
        ExecutionRun run = executions.get(executionArn);
        run.stop(error.orElse(null), cause.orElse(null));
        return run.stopDate() == null ? clock.now() : run.stopDate();
    }

    public Instant redrive(String executionArn) {
        ExecutionRun run = executions.get(executionArn);
        if (!run.redrivable()) {
            throw new StepFunctionsException(
                    "ExecutionNotRedrivable",
                    "Execution '"
                            + executionArn
                            + "' is not redrivable: only STANDARD executions that ended FAILED, TIMED_OUT or ABORTED can be redriven");
        }
        run.redrive();
        return clock.now();
    }

    private static boolean startedThrough(ExecutionRun r, String qualifiedArn) {
        var ref = r.identity().machine();
        return qualifiedArn.equals(ref.versionArn()) || qualifiedArn.equals(ref.aliasArn());
    }

    /** The API's description of a run. */
    public static ExecutionDescription describe(ExecutionRun r) {
        return new ExecutionDescription(
                r.executionArn(),
                r.stateMachineArn(),
                r.name(),
                r.status(),
                r.startDate(),
                Optional.ofNullable(r.stopDate()),
                r.inputText(),
                Optional.ofNullable(r.outputText()),
                Optional.ofNullable(r.error()),
                Optional.ofNullable(r.cause()),
                r.redriveCount(),
                r.redrivable() ? "REDRIVABLE" : "NOT_REDRIVABLE",
                Optional.ofNullable(r.redriveDate()),
                Optional.ofNullable(r.identity().machine().versionArn()),
                Optional.ofNullable(r.identity().machine().aliasArn()));
    }
}
