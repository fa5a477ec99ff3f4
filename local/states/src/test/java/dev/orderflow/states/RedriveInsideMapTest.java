package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RedriveExecution inside an INLINE Map or a Parallel (API reference "RedriveExecution": "For
 * workflows that include an Inline Map or Parallel state, RedriveExecution API action reschedules
 * and redrives only the iterations and branches that failed or aborted"; developer guide "Redriving
 * executions"): the successful iterations and branches keep their results and are not run again;
 * each other one continues from the state it failed or was stopped in, with its input and
 * variables, so a Map inside a failed Parallel branch (or the reverse) is redriven the same way.
 */
class RedriveInsideMapTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each task call's {@code tag}, in order. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** How many more times the task with a tag fails (absent: never). */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private final VirtualClock clock = new VirtualClock();
    private StepFunctionsEngine engine;

    @BeforeEach
    void start() {
        engine =
                StepFunctionsEngine.builder()
                        .clock(clock)
                        .taskInvoker(
                                (TaskRequest r) -> {
                                    String tag = r.parameters().path("tag").asText();
                                    calls.add(tag);
                                    int left = failures.getOrDefault(tag, 0);
                                    if (left > 0) {
                                        failures.put(tag, left - 1);
                                        return TaskOutcome.failure("Item.Failed", tag);
                                    }
                                    return TaskOutcome.success(
                                            JSON.getNodeFactory().textNode("done " + tag));
                                })
                        .build();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    /** A Task state {@code name} calling the invoker with {@code tag} from {@code tagPath}. */
    private static String task(String name, String tagPath, String transition) {
        return "\""
                + name
                + "\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"f\",\"tag.$\":\""
                + tagPath
                + "\"},\"OutputPath\":\"$.Payload\","
                + transition
                + "}";
    }

    /** Runs {@code definition} until it fails, redrives it and runs it to its end. */
    private String failThenRedrive(String name, String definition, String input) {
        String arn =
                engine.createStateMachine(name, definition, ROLE, StateMachineType.STANDARD)
                        .stateMachineArn();
        String exec =
                engine.startExecution(arn, Optional.empty(), Optional.of(input)).executionArn();
        clock.runUntilIdle();
        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        calls.clear();
        engine.redriveExecution(exec);
        clock.runUntilIdle();
        return exec;
    }

    /** The event types recorded after ExecutionRedriven. */
    private List<HistoryEvent> afterRedrive(String exec) {
        List<HistoryEvent> events = engine.getExecutionHistory(exec);
        int redriven =
                events.stream().map(HistoryEvent::type).toList().indexOf("ExecutionRedriven");
        assertThat(redriven).isPositive();
        return events.subList(redriven, events.size());
    }

    private static List<String> types(List<HistoryEvent> events) {
        return events.stream().map(HistoryEvent::type).toList();
    }

    private String output(String exec) {
        return engine.describeExecution(exec).output().orElseThrow();
    }

    @Test
    @DisplayName(
            "a redriven Map runs only the iteration that failed and those not started; the"
                    + " successful one keeps its result")
    void redriveExecution_rerunsOnlyTheUnsuccessfulIterations() {
        failures.put("2", 1);
        String exec =
                failThenRedrive(
                        "map-redrive",
                        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"MaxConcurrency\":1,"
                                + "\"End\":true,\"ItemProcessor\":{\"StartAt\":\"T\",\"States\":{"
                                + task("T", "$", "\"End\":true")
                                + "}}}}}",
                        "[\"1\",\"2\",\"3\"]");

        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // Item 1 succeeded before the failure, item 3 had not started (MaxConcurrency 1).
        assertThat(calls).containsExactly("2", "3");
        assertThat(output(exec)).isEqualTo("[\"done 1\",\"done 2\",\"done 3\"]");
        List<HistoryEvent> after = afterRedrive(exec);
        assertThat(types(after))
                .containsExactly(
                        "ExecutionRedriven",
                        "MapStateEntered",
                        "MapStateStarted",
                        "MapIterationStarted",
                        "TaskStateEntered",
                        "TaskScheduled",
                        "TaskStarted",
                        "TaskSucceeded",
                        "TaskStateExited",
                        "MapIterationSucceeded",
                        "MapIterationStarted",
                        "TaskStateEntered",
                        "TaskScheduled",
                        "TaskStarted",
                        "TaskSucceeded",
                        "TaskStateExited",
                        "MapIterationSucceeded",
                        "MapStateSucceeded",
                        "MapStateExited",
                        "ExecutionSucceeded");
        assertThat(
                        after.stream()
                                .filter(e -> e.type().equals("MapIterationStarted"))
                                .map(e -> e.details().path("index").asInt()))
                .containsExactly(1, 2);
    }

    @Test
    @DisplayName("a redriven iteration continues from the state it failed in, not from its StartAt")
    void redriveExecution_continuesAFailedIterationAtItsFailedState() {
        failures.put("2", 1);
        String exec =
                failThenRedrive(
                        "map-redrive-state",
                        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                                + "\"ItemProcessor\":{\"StartAt\":\"W\",\"States\":{"
                                + "\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.delay\",\"Next\":\"T\"},"
                                + task("T", "$.tag", "\"End\":true")
                                + "}}}}}",
                        "[{\"tag\":\"1\",\"delay\":0},{\"tag\":\"2\",\"delay\":5},"
                                + "{\"tag\":\"3\",\"delay\":0}]");

        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls).containsExactly("2");
        assertThat(types(afterRedrive(exec))).doesNotContain("WaitStateEntered");
        assertThat(output(exec)).isEqualTo("[\"done 1\",\"done 2\",\"done 3\"]");
    }

    @Test
    @DisplayName("a redriven Parallel runs only the branch that failed")
    void redriveExecution_rerunsOnlyTheFailedBranch() {
        failures.put("b", 1);
        String exec =
                failThenRedrive(
                        "parallel-redrive",
                        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,"
                                + "\"Branches\":["
                                + "{\"StartAt\":\"A\",\"States\":{"
                                + task("A", "$.a", "\"End\":true")
                                + "}},"
                                + "{\"StartAt\":\"B\",\"States\":{"
                                + task("B", "$.b", "\"End\":true")
                                + "}}]}}}",
                        "{\"a\":\"a\",\"b\":\"b\"}");

        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls).containsExactly("b");
        assertThat(output(exec)).isEqualTo("[\"done a\",\"done b\"]");
        assertThat(types(afterRedrive(exec)))
                .containsExactly(
                        "ExecutionRedriven",
                        "ParallelStateEntered",
                        "ParallelStateStarted",
                        "TaskStateEntered",
                        "TaskScheduled",
                        "TaskStarted",
                        "TaskSucceeded",
                        "TaskStateExited",
                        "ParallelStateSucceeded",
                        "ParallelStateExited",
                        "ExecutionSucceeded");
    }

    @Test
    @DisplayName(
            "nested: a Parallel inside a Map iteration redrives only the failed branch of the"
                    + " failed iteration")
    void redriveExecution_redrivesNestedParallelInsideMap() {
        failures.put("2b", 1);
        String exec =
                failThenRedrive(
                        "nested-redrive",
                        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                                + "\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{"
                                + "\"Type\":\"Parallel\",\"End\":true,\"Branches\":["
                                + "{\"StartAt\":\"A\",\"States\":{"
                                + task("A", "$.a", "\"End\":true")
                                + "}},"
                                + "{\"StartAt\":\"B\",\"States\":{"
                                + task("B", "$.b", "\"End\":true")
                                + "}}]}}}}}}",
                        "[{\"a\":\"1a\",\"b\":\"1b\"},{\"a\":\"2a\",\"b\":\"2b\"}]");

        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls).containsExactly("2b");
        assertThat(output(exec)).isEqualTo("[[\"done 1a\",\"done 1b\"],[\"done 2a\",\"done 2b\"]]");
    }

    @Test
    @DisplayName(
            "a Map that failed over its ToleratedFailureCount redrives its failed iterations;"
                    + " the threshold then counts the failures of the redrive")
    void redriveExecution_withToleratedFailureCount() {
        failures.put("2", 1);
        failures.put("3", 2);
        String exec =
                failThenRedrive(
                        "tolerated-redrive",
                        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                                + "\"ToleratedFailureCount\":1,\"ItemProcessor\":{\"StartAt\":\"T\","
                                + "\"States\":{"
                                + task("T", "$", "\"End\":true")
                                + "}}}}}",
                        "[\"1\",\"2\",\"3\"]");

        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls).containsExactly("2", "3");
        // Item 3 fails again: one failure, within the tolerated count.
        assertThat(output(exec))
                .isEqualTo("[\"done 1\",\"done 2\",{\"Error\":\"Item.Failed\",\"Cause\":\"3\"}]");
    }

    @Test
    @DisplayName(
            "a Map stopped by StopExecution redrives the aborted iterations and keeps the"
                    + " finished one")
    void redriveExecution_afterStop_rerunsTheAbortedIterations() {
        String arn =
                engine.createStateMachine(
                                "stopped-redrive",
                                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                                        + "\"ItemProcessor\":{\"StartAt\":\"W\",\"States\":{"
                                        + "\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.delay\","
                                        + "\"Next\":\"T\"},"
                                        + task("T", "$.tag", "\"End\":true")
                                        + "}}}}}",
                                ROLE,
                                StateMachineType.STANDARD)
                        .stateMachineArn();
        String exec =
                engine.startExecution(
                                arn,
                                Optional.empty(),
                                Optional.of(
                                        "[{\"tag\":\"1\",\"delay\":0},{\"tag\":\"2\",\"delay\":60}]"))
                        .executionArn();
        engine.stopExecution(exec, Optional.empty(), Optional.empty());
        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.ABORTED);
        calls.clear();

        engine.redriveExecution(exec);
        clock.runUntilIdle();

        assertThat(engine.describeExecution(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls).containsExactly("2");
        assertThat(output(exec)).isEqualTo("[\"done 1\",\"done 2\"]");
    }
}
