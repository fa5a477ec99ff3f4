package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pins an open divergence (conformance-divergences.md, "Redrive of a failed top-level
 * Map/Parallel"): AWS's developer guide "Redriving executions" says a redriven Inline Map or
 * Parallel state runs only its unsuccessful iterations or branches; this engine runs the failed
 * top-level state again as a whole. The test fails once redrive resumes inside the Map.
 */
class RedriveInsideMapTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";

    @Test
    @DisplayName("redriving a failed Map runs every iteration again (AWS: only the failed one)")
    void redriveExecution_rerunsTheWholeMap() {
        List<Integer> calls = new CopyOnWriteArrayList<>();
        boolean[] failedOnce = {false};
        VirtualClock clock = new VirtualClock();
        try (StepFunctionsEngine engine =
                StepFunctionsEngine.builder()
                        .clock(clock)
                        .taskInvoker(
                                (TaskRequest r) -> {
                                    int item = r.parameters().path("item").asInt();
                                    calls.add(item);
                                    if (item == 2 && !failedOnce[0]) {
                                        failedOnce[0] = true;
                                        return TaskOutcome.failure("Item.Failed", "once");
                                    }
                                    return TaskOutcome.success(r.parameters());
                                })
                        .build()) {
            String arn =
                    engine.createStateMachine(
                                    "map-redrive",
                                    """
                                    {"StartAt": "M", "States": {"M": {"Type": "Map",
                                      "MaxConcurrency": 1, "End": true,
                                      "ItemSelector": {"item.$": "$$.Map.Item.Value"},
                                      "ItemProcessor": {"StartAt": "T", "States": {"T": {
                                        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                        "Parameters": {"FunctionName": "f", "item.$": "$.item"},
                                        "End": true}}}}}}
                                    """,
                                    ROLE,
                                    StateMachineType.STANDARD)
                            .stateMachineArn();
            String exec =
                    engine.startExecution(arn, Optional.empty(), Optional.of("[1,2,3]"))
                            .executionArn();
            clock.runUntilIdle();
            assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.FAILED);
            int before = calls.size();

            engine.redriveExecution(exec);
            clock.runUntilIdle();

            assertThat(engine.describeExecution(exec).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
            // AWS would call the task once more (item 2 only); the engine calls it for all three.
            assertThat(calls.subList(before, calls.size())).containsExactly(1, 2, 3);
        }
    }
}
