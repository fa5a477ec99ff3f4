package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.spi.TaskOutcome;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * StopExecution records the states, Map iterations and Map Runs it cuts, as {@code
 * <Type>StateAborted} / {@code MapIterationAborted} / {@code MapRunAborted} (the event types of the
 * API reference "HistoryEvent"; only Task, Wait, Map and Parallel have one), before {@code
 * ExecutionAborted}. Their order follows what AWS records when a failing Map iteration cuts the
 * others (measured by floci-io/floci, StepFunctionsMapIterationFailureIntegrationTest: the
 * iteration's {@code MapIterationAborted}, then the {@code *StateAborted} of the state it was in,
 * all following the event that caused the cut); AWS documents no order for StopExecution, so the
 * enclosing state's own Aborted event last and {@code ExecutionAborted} after it are ours
 * (conformance-divergences.md, "Aborted events on StopExecution").
 */
class StopExecutionEventsSfnTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final String WAIT =
            "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}";
    private static final String TOKEN_TASK =
            "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                    + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                    + "\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody.$\":\"$$.Task.Token\"},"
                    + "\"End\":true}}}";
    private static VirtualClock clock;
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        clock = new VirtualClock();
        server =
                StepFunctionsServer.builder()
                        .port(0)
                        .clock(clock)
                        .taskInvoker(
                                new ScriptedInvoker()
                                        .script("Flaky", TaskOutcome.failure("Boom", "always")))
                        .start();
        sfn = SdkClients.sfnWithoutHostPrefix(server);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    /**
     * Starts {@code definition} (the virtual clock runs it inline until it waits), stops it and
     * returns the history.
     */
    private static List<HistoryEvent> stopped(String name, String definition, String input) {
        String arn =
                sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
                        .stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).input(input)).executionArn();
        sfn.stopExecution(b -> b.executionArn(exec).error("Manual").cause("test"));
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
                .isEqualTo(ExecutionStatus.ABORTED);
        return sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    }

    /** The event types from the first one of {@code type} on. */
    private static List<String> from(List<HistoryEvent> events, String type) {
        List<String> types = events.stream().map(HistoryEvent::typeAsString).toList();
        return types.subList(types.lastIndexOf(type), types.size());
    }

    /**
     * Every event after the last {@code type} follows it; ExecutionAborted follows the last one.
     */
    private static void assertChainedTo(List<HistoryEvent> events, String type) {
        List<String> types = events.stream().map(HistoryEvent::typeAsString).toList();
        int cause = types.lastIndexOf(type);
        long causeId = events.get(cause).id();
        for (HistoryEvent e : events.subList(cause + 1, events.size() - 1)) {
            assertThat(e.previousEventId()).as(e.typeAsString()).isEqualTo(causeId);
        }
        HistoryEvent last = events.get(events.size() - 1);
        assertThat(last.typeAsString()).isEqualTo("ExecutionAborted");
        assertThat(last.previousEventId()).isEqualTo(events.get(events.size() - 2).id());
        assertThat(last.executionAbortedEventDetails().error()).isEqualTo("Manual");
    }

    @Test
    @DisplayName("a stopped Wait records WaitStateAborted, then ExecutionAborted")
    void stopExecution_recordsWaitStateAborted() {
        List<HistoryEvent> events = stopped("stop-wait", WAIT, "{}");

        assertThat(from(events, "WaitStateEntered"))
                .containsExactly("WaitStateEntered", "WaitStateAborted", "ExecutionAborted");
        assertChainedTo(events, "WaitStateEntered");
    }

    @Test
    @DisplayName("a stopped Task waiting for its token records TaskStateAborted")
    void stopExecution_recordsTaskStateAborted() {
        List<HistoryEvent> events = stopped("stop-task", TOKEN_TASK, "{}");

        assertThat(from(events, "TaskSubmitted"))
                .containsExactly("TaskSubmitted", "TaskStateAborted", "ExecutionAborted");
        assertChainedTo(events, "TaskSubmitted");
    }

    @Test
    @DisplayName(
            "a stopped Map records per running iteration MapIterationAborted and its state's"
                    + " Aborted event, then MapStateAborted")
    void stopExecution_recordsEachIterationCut_thenMapStateAborted() {
        String map =
                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                        + "\"MaxConcurrency\":2,\"ItemProcessor\":"
                        + WAIT
                        + "}}}";
        List<HistoryEvent> events = stopped("stop-map", map, "[1,2,3]");

        assertThat(from(events, "WaitStateEntered"))
                .containsExactly(
                        "WaitStateEntered",
                        "MapIterationAborted",
                        "WaitStateAborted",
                        "MapIterationAborted",
                        "WaitStateAborted",
                        "MapStateAborted",
                        "ExecutionAborted");
        assertChainedTo(events, "WaitStateEntered");
        List<HistoryEvent> cut =
                events.stream()
                        .filter(e -> e.typeAsString().equals("MapIterationAborted"))
                        .toList();
        // Item 3 had not started (MaxConcurrency 2): only iterations 0 and 1 are cut.
        assertThat(cut.stream().map(e -> e.mapIterationAbortedEventDetails().index()))
                .containsExactly(0, 1);
        assertThat(cut.get(0).mapIterationAbortedEventDetails().name()).isEqualTo("M");
    }

    @Test
    @DisplayName(
            "a stopped Parallel records the Aborted event of each branch's state, then"
                    + " ParallelStateAborted; a finished branch records nothing")
    void stopExecution_recordsEachBranchCut_thenParallelStateAborted() {
        String parallel =
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,"
                        + "\"Branches\":["
                        + WAIT
                        + ","
                        + TOKEN_TASK
                        + ",{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}"
                        + "]}}}";
        List<HistoryEvent> events = stopped("stop-parallel", parallel, "{}");

        assertThat(from(events, "PassStateExited"))
                .containsExactly(
                        "PassStateExited",
                        "WaitStateAborted",
                        "TaskStateAborted",
                        "ParallelStateAborted",
                        "ExecutionAborted");
        assertChainedTo(events, "PassStateExited");
    }

    @Test
    @DisplayName("nested: a Parallel inside a Map iteration is cut from the outside in")
    void stopExecution_recordsNestedCuts() {
        String inner =
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,"
                        + "\"Branches\":["
                        + WAIT
                        + "]}}}";
        String map =
                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                        + "\"ItemProcessor\":"
                        + inner
                        + "}}}";
        List<HistoryEvent> events = stopped("stop-nested", map, "[1]");

        assertThat(from(events, "WaitStateEntered"))
                .containsExactly(
                        "WaitStateEntered",
                        "MapIterationAborted",
                        "WaitStateAborted",
                        "ParallelStateAborted",
                        "MapStateAborted",
                        "ExecutionAborted");
        assertChainedTo(events, "WaitStateEntered");
    }

    @Test
    @DisplayName("a Task waiting out its Retry interval is in flight: it is recorded aborted")
    void stopExecution_recordsTaskStateAborted_duringRetryBackoff() {
        List<HistoryEvent> events =
                stopped(
                        "stop-retry",
                        "{\"StartAt\":\"Flaky\",\"States\":{\"Flaky\":{\"Type\":\"Task\","
                                + "\"Resource\":\"arn:aws:states:::lambda:invoke\","
                                + "\"Parameters\":{\"FunctionName\":\"nope\"},"
                                + "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],"
                                + "\"IntervalSeconds\":600}],\"End\":true}}}",
                        "{}");

        assertThat(from(events, "TaskStateAborted"))
                .containsExactly("TaskStateAborted", "ExecutionAborted");
    }
}
