package dev.orderflow.states;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.MapRunDescription;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.engine.ExecutionStore;
import dev.orderflow.states.internal.maprun.MapRun;
import dev.orderflow.states.internal.maprun.MapRunRegistry;
import java.util.List;
import java.util.Optional;

/**
 * The Map Runs of DISTRIBUTED Map states (AWS API reference: DescribeMapRun, ListMapRuns,
 * UpdateMapRun; ListExecutions and DescribeExecution of child executions).
 */
public final class MapRuns {
    private final MapRunRegistry registry;
    private final ExecutionStore executions;

    MapRuns(MapRunRegistry registry, ExecutionStore executions) {
        this.registry = registry;
        this.executions = executions;
    }

    /**
     * Describes a Map Run.
     *
     * @throws StepFunctionsException InvalidArn, ResourceNotFound
     */
    public MapRunDescription describe(String mapRunArn) {
        return registry.get(mapRunArn).describe();
    }

    /**
     * The Map Runs an execution started, oldest first.
     *
     * @throws StepFunctionsException InvalidArn, ExecutionDoesNotExist
     */
    public List<MapRunDescription> list(String executionArn) {
        executions.get(executionArn);
        return registry.of(executionArn).stream().map(MapRun::describe).toList();
    }

    /**
     * Changes a Map Run's limits; an empty value is left as it is. A higher MaxConcurrency starts
     * more child executions at once; a new tolerance applies from the next failure on.
     *
     * @throws StepFunctionsException InvalidArn, ResourceNotFound
     */
    public void update(
            String mapRunArn,
            Optional<Integer> maxConcurrency,
            Optional<Long> toleratedFailureCount,
            Optional<Double> toleratedFailurePercentage) {
        registry.update(
                mapRunArn,
                maxConcurrency.orElse(null),
                toleratedFailureCount.orElse(null),
                toleratedFailurePercentage.orElse(null));
    }

    /**
     * The child executions a Map Run has started, newest first.
     *
     * @throws StepFunctionsException InvalidArn, ResourceNotFound
     */
    public List<ExecutionDescription> childExecutions(String mapRunArn) {
        return registry.get(mapRunArn).children();
    }

    /** A child execution by ARN, with the ARN of its Map Run. */
    public Optional<ChildExecution> childExecution(String executionArn) {
        return registry.child(executionArn)
                .map(d -> new ChildExecution(d, registry.mapRunOf(executionArn)));
    }

    /**
     * The history of a child execution by ARN (AWS docs "Distributed mode": each child has its
     * own), empty when no Map Run started one with this ARN.
     */
    public Optional<List<HistoryEvent>> childHistory(String executionArn) {
        return registry.childHistory(executionArn);
    }

    /**
     * RedriveExecution of a child execution: AWS redrives a Map Run's children only by redriving
     * the parent execution (API reference "RedriveExecution": to redrive a workflow with a failed
     * Map Run, you must redrive the parent workflow), so a child is not redrivable on its own.
     *
     * @throws StepFunctionsException ExecutionNotRedrivable when {@code executionArn} is a child's
     */
    void refuseRedriveOfChild(String executionArn) {
        MapRun run = registry.runOfChild(executionArn).orElse(null);
        if (run != null) {
            throw new StepFunctionsException(
                    "ExecutionNotRedrivable",
                    "Execution '"
                            + executionArn
                            + "' is a child workflow execution of Map Run '"
                            + run.arn()
                            + "' and cannot be redriven on its own: redrive its parent execution '"
                            + run.executionArn()
                            + "'");
        }
    }

    /**
     * StopExecution of a child execution: not supported by this engine (what AWS's Map state does
     * with a child stopped on its own is not documented), so it fails loudly rather than pretend.
     *
     * @throws StepFunctionsException ValidationException when {@code executionArn} is a child's
     */
    void refuseStopOfChild(String executionArn) {
        MapRun run = registry.runOfChild(executionArn).orElse(null);
        if (run != null) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "Stopping a child workflow execution of a Map Run on its own is not supported"
                            + " by this local engine: stop its parent execution '"
                            + run.executionArn()
                            + "'");
        }
    }

    /** A child execution and the Map Run that started it. */
    public record ChildExecution(ExecutionDescription execution, String mapRunArn) {}
}
