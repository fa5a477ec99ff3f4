package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On the real clock with two workers: Task integrations that block hold no worker, so other
 * executions keep moving and TimeoutSeconds fires on time however many tasks are in flight (on AWS
 * a task's call never waits for another execution's).
 */
class TaskConcurrencyTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static final String SLOW_TASK =
            """
            {"StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "slow"}, "TimeoutSeconds": 1, "End": true}}}
            """;
    private static final String PASS =
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
              "B": {"Type": "Pass", "End": true}}}
            """;

    private final CountDownLatch release = new CountDownLatch(1);
    private final StepFunctionsEngine engine =
            StepFunctionsEngine.builder()
                    .workerThreads(2)
                    .taskInvoker(this::blockUntilReleased)
                    .build();

    private TaskOutcome blockUntilReleased(TaskRequest request) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TaskOutcome.success(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
    }

    @AfterEach
    void stop() {
        release.countDown();
        engine.close();
    }

    private String start(String machine, String definition) {
        String arn =
                engine.createStateMachine(machine, definition, ROLE, StateMachineType.STANDARD)
                        .stateMachineArn();
        return arn;
    }

    @Test
    void blockedTasks_holdNoWorker_otherExecutionsFinish_andTimeoutsFireOnTime() {
        String slow = start("slow", SLOW_TASK);
        List<String> blocked = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // four times the workers
            blocked.add(
                    engine.startExecution(slow, Optional.empty(), Optional.of("{}"))
                            .executionArn());
        }
        String fast = start("fast", PASS);

        ExecutionDescription quick =
                engine.awaitExecution(
                        engine.startExecution(fast, Optional.empty(), Optional.of("{}"))
                                .executionArn(),
                        Duration.ofSeconds(5));
        assertThat(quick.status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        for (String exec : blocked) {
            ExecutionDescription d = engine.awaitExecution(exec, Duration.ofSeconds(10));
            assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(d.error()).contains("States.Timeout");
        }
        // Every TimeoutSeconds fired while all eight calls were still blocked.
        assertThat(release.getCount()).as("no task call was released").isEqualTo(1);
    }
}
