package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Engine behaviour beyond single-execution conformance: tokens, heartbeats, stop, real time. */
class EngineTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static final String CALLBACK =
            """
            {"StartAt": "Pay", "States": {
              "Pay": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "HeartbeatSeconds": 60, "TimeoutSeconds": 600,
                "Parameters": {"QueueUrl": "https://sqs/q", "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.id"}},
                "Catch": [{"ErrorEquals": ["Payment.Declined"], "ResultPath": "$.error", "Next": "Compensate"}], "End": true},
              "Compensate": {"Type": "Pass", "End": true}}}
            """;

    private final VirtualClock clock = new VirtualClock();
    private final ScriptedInvoker invoker = new ScriptedInvoker();
    private final StepFunctionsEngine engine =
            StepFunctionsEngine.builder().clock(clock).taskInvoker(invoker).seed(3).build();

    private String start(String definition, String input) {
        String arn =
                engine.createStateMachine("m", definition, ROLE, StateMachineType.STANDARD)
                        .stateMachineArn();
        return engine.startExecution(arn, Optional.empty(), Optional.of(input)).executionArn();
    }

    private String tokenOf(String exec) {
        return invoker.requests.stream()
                .filter(r -> r.executionArn().equals(exec))
                .map(TaskRequest::taskToken)
                .flatMap(Optional::stream)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /**
     * How many of the tokens still wait for an answer, asked as a client would: a heartbeat is
     * accepted only for an open token (closed ones answer TaskTimedOut).
     */
    static long stillOpen(StepFunctionsEngine engine, java.util.Collection<String> tokens) {
        return tokens.stream()
                .filter(
                        token -> {
                            try {
                                engine.sendTaskHeartbeat(token);
                                return true;
                            } catch (StepFunctionsException closed) {
                                return false;
                            }
                        })
                .count();
    }

    private List<String> tokensOf(String exec) {
        return invoker.requests.stream()
                .filter(r -> r.executionArn().equals(exec))
                .map(TaskRequest::taskToken)
                .flatMap(Optional::stream)
                .toList();
    }

    @Test
    void heartbeats_keepTheTaskAlive_untilTimeoutSeconds() {
        String exec = start(CALLBACK, "{\"id\":\"o1\"}");
        String token = tokenOf(exec);
        assertThat(invoker.requests.get(0).parameters().get("MessageBody").get("order").asText())
                .isEqualTo("o1");
        for (int i = 0; i < 11; i++) {
            clock.advance(Duration.ofSeconds(50));
            engine.sendTaskHeartbeat(token);
        }
        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.RUNNING);
        clock.advance(Duration.ofSeconds(55));
        ExecutionDescription d = engine.describeExecution(exec);
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).contains("States.Timeout");
        assertThat(stillOpen(engine, List.of(token))).isZero();
    }

    @Test
    void missingHeartbeat_failsWithHeartbeatTimeout() {
        String exec = start(CALLBACK, "{\"id\":\"o1\"}");
        clock.advance(Duration.ofSeconds(61));
        assertThat(engine.describeExecution(exec).error()).contains("States.HeartbeatTimeout");
        assertThatThrownBy(() -> engine.sendTaskSuccess(tokenOf(exec), "{}"))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("TaskTimedOut"));
    }

    @Test
    void sendTaskFailure_isCaughtByName() {
        String exec = start(CALLBACK, "{\"id\":\"o1\"}");
        engine.sendTaskFailure(
                tokenOf(exec), Optional.of("Payment.Declined"), Optional.of("insufficient funds"));
        ExecutionDescription d = engine.describeExecution(exec);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output())
                .contains(
                        "{\"id\":\"o1\",\"error\":{\"Error\":\"Payment.Declined\",\"Cause\":\"insufficient funds\"}}");
    }

    @Test
    void stopExecution_dropsOpenTokensOfAMap() {
        String exec =
                start(
                        """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                        "Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Task.Token"}, "End": true}}}}}}
                """,
                        "[1,2,3]");
        List<String> tokens = tokensOf(exec);
        assertThat(tokens).hasSize(3);
        assertThat(stillOpen(engine, tokens)).isEqualTo(3);
        engine.stopExecution(exec, Optional.empty(), Optional.empty());
        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stillOpen(engine, tokens)).isZero();
        List<HistoryEvent> history = engine.getExecutionHistory(exec);
        assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionAborted");
    }

    @Test
    void historyEvents_linkToTheirPredecessor() {
        String exec =
                start(
                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"End\":true}}}",
                        "{}");
        List<HistoryEvent> h = engine.getExecutionHistory(exec);
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.get(i).id()).isEqualTo(i + 1L);
            assertThat(h.get(i).previousEventId()).isEqualTo(i);
        }
        assertThat(h.get(1).details().get("name").asText()).isEqualTo("A");
        assertThat(h.get(1).details().get("input").asText()).isEqualTo("{}");
    }

    @Test
    void realClock_runsOnWorkerThreads() {
        try (StepFunctionsEngine real =
                StepFunctionsEngine.builder()
                        .taskInvoker(r -> TaskOutcome.success(r.parameters()))
                        .build()) {
            String arn =
                    real.createStateMachine(
                                    "rt",
                                    """
                    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 0, "Next": "T"},
                      "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:echo", "End": true}}}
                    """,
                                    ROLE,
                                    StateMachineType.STANDARD)
                            .stateMachineArn();
            String exec =
                    real.startExecution(arn, Optional.empty(), Optional.of("{\"v\":1}"))
                            .executionArn();
            ExecutionDescription d = real.awaitExecution(exec, Duration.ofSeconds(10));
            assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(d.output()).contains("{\"v\":1}");
        }
    }

    @Test
    void unknownLambda_failsLikeAws_withTheDefaultInvoker() {
        try (StepFunctionsEngine bare =
                StepFunctionsEngine.builder().clock(new VirtualClock()).build()) {
            String arn =
                    bare.createStateMachine(
                                    "l",
                                    """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "nope"}, "End": true}}}
                    """,
                                    ROLE,
                                    StateMachineType.STANDARD)
                            .stateMachineArn();
            ExecutionDescription d =
                    bare.describeExecution(
                            bare.startExecution(arn, Optional.empty(), Optional.empty())
                                    .executionArn());
            assertThat(d.error()).contains("Lambda.ResourceNotFoundException");
            assertThat(d.cause().orElseThrow()).startsWith("Function not found: nope");
        }
    }

    @Test
    void realClock_manyExecutionsCompletedFromManyThreads_allSucceed() throws Exception {
        java.util.Queue<String> tokens = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<String> issued = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (StepFunctionsEngine real =
                StepFunctionsEngine.builder()
                        .taskInvoker(
                                r -> {
                                    tokens.add(r.taskToken().orElseThrow());
                                    issued.add(r.taskToken().orElseThrow());
                                    return TaskOutcome.success(r.parameters());
                                })
                        .build()) {
            String arn =
                    real.createStateMachine("many", CALLBACK, ROLE, StateMachineType.STANDARD)
                            .stateMachineArn();
            List<String> execs = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                execs.add(
                        real.startExecution(
                                        arn,
                                        Optional.empty(),
                                        Optional.of("{\"id\":\"o" + i + "\"}"))
                                .executionArn());
            }
            java.util.concurrent.ExecutorService senders =
                    java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.atomic.AtomicInteger sent =
                    new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < 4; t++) {
                // execute, not submit: a sender that throws is reported, not kept in a Future
                senders.execute(
                        () -> {
                            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                            while (sent.get() < 300 && System.nanoTime() < deadline) {
                                String token = tokens.poll();
                                if (token == null) {
                                    Thread.onSpinWait();
                                    continue;
                                }
                                real.sendTaskHeartbeat(token);
                                real.sendTaskSuccess(token, "{\"paid\":true}");
                                sent.incrementAndGet();
                            }
                        });
            }
            for (String exec : execs) {
                assertThat(real.awaitExecution(exec, Duration.ofSeconds(20)).status())
                        .isEqualTo(ExecutionStatus.SUCCEEDED);
            }
            senders.shutdownNow();
            assertThat(issued).hasSize(300);
            assertThat(stillOpen(real, issued)).isZero();
        }
    }

    @Test
    void expressMachines_rejectCallbackAndSyncIntegrations() {
        assertThatThrownBy(
                        () ->
                                engine.createStateMachine(
                                        "x", CALLBACK, ROLE, StateMachineType.EXPRESS))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> {
                            assertThat(e.errorCode()).isEqualTo("InvalidDefinition");
                            assertThat(e.getMessage())
                                    .contains(
                                            "Express state machine does not support '.waitForTaskToken' service integration. at /States/Pay/Resource");
                        });
    }
}
