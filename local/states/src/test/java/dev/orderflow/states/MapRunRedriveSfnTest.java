package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.spi.TaskOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;

/**
 * RedriveExecution of an execution whose DISTRIBUTED Map failed redrives its Map Run, through the
 * unmodified SDK v2 {@code SfnClient} with virtual time. Sources: AWS docs "Redriving Map Runs"
 * (the parent's redrive redrives the failed Map Run, only its unsuccessful children run again;
 * EXPRESS children are started again), API reference RedriveExecution, DescribeMapRun ({@code
 * redriveCount}, {@code redriveDate}) and MapRunRedrivenEventDetails ({@code mapRunArn}, {@code
 * redriveCount} including this redrive).
 */
class MapRunRedriveSfnTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final String WORK = "arn:aws:lambda:us-east-1:123456789012:function:work";
    // Calls of the work function per execution and item id.
    private static final Map<String, Integer> CALLS = new ConcurrentHashMap<>();
    private static VirtualClock clock;
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    /**
     * The work function: answers {@code id * 10}, but fails the first {@code fail} calls for an
     * item ({@code {"id": n, "fail": k}}) of one execution (the item's child execution).
     */
    @BeforeAll
    static void start() {
        clock = new VirtualClock();
        server =
                StepFunctionsServer.builder()
                        .port(0)
                        .clock(clock)
                        .seed(11)
                        .taskInvoker(
                                request -> {
                                    int id = request.parameters().path("id").asInt();
                                    int call =
                                            CALLS.merge(
                                                    request.executionArn() + "#" + id,
                                                    1,
                                                    Integer::sum);
                                    if (call <= request.parameters().path("fail").asInt()) {
                                        return TaskOutcome.failure("Flaky", "call " + call);
                                    }
                                    return TaskOutcome.success(IntNode.valueOf(id * 10));
                                })
                        .start();
        sfn = SdkClients.sfn(server).build();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    /**
     * A DISTRIBUTED Map over the input's items; item 3 waits 10 s before its work, so it is still
     * running (and is aborted) when a failing item fails the Map Run.
     */
    private static String machine(String name, String executionType) {
        String definition =
                """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "%s"},
                    "StartAt": "Route", "States": {
                      "Route": {"Type": "Choice", "Default": "Work",
                        "Choices": [{"Variable": "$.id", "NumericEquals": 3, "Next": "Later"}]},
                      "Later": {"Type": "Wait", "Seconds": 10, "Next": "Work"},
                      "Work": {"Type": "Task", "Resource": "%s", "End": true}}}}}}
                """
                        .formatted(executionType, WORK);
        return sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition))
                .stateMachineArn();
    }

    private static String failedRun(String machine, String input) {
        String exec =
                sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
        clock.runUntilIdle();
        assertThat(describe(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        return exec;
    }

    private static DescribeExecutionResponse describe(String exec) {
        return sfn.describeExecution(b -> b.executionArn(exec));
    }

    private static List<MapRunListItem> mapRuns(String exec) {
        return sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
    }

    private static DescribeMapRunResponse describeMapRun(String arn) {
        return sfn.describeMapRun(b -> b.mapRunArn(arn));
    }

    private static List<HistoryEvent> history(String exec) {
        return sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(1000)).events();
    }

    /**
     * Calls of the work function for item {@code id} of {@code exec}'s Map Runs. The task runs in
     * the item's child execution and receives that child's ARN, not the parent's (AWS docs
     * "Distributed mode": each item is a child workflow execution; the Context object's
     * Execution.Id is the execution's ARN).
     */
    private static int calls(String exec, int id) {
        int n = 0;
        for (MapRunListItem run : mapRuns(exec)) {
            for (ExecutionListItem c :
                    sfn.listExecutions(b -> b.mapRunArn(run.mapRunArn())).executions()) {
                n += CALLS.getOrDefault(c.executionArn() + "#" + id, 0);
            }
        }
        return n;
    }

    @Test
    void redrive_rerunsOnlyTheFailedAndAbortedChildrenOfTheSameMapRun() {
        String exec =
                failedRun(
                        machine("redrive-map-run", "STANDARD"),
                        "[{\"id\": 1}, {\"id\": 2, \"fail\": 1}, {\"id\": 3}]");
        String mapRunArn = mapRuns(exec).get(0).mapRunArn();
        DescribeMapRunResponse failed = describeMapRun(mapRunArn);
        assertThat(failed.status()).isEqualTo(MapRunStatus.FAILED);
        assertThat(failed.executionCounts().succeeded()).isEqualTo(1);
        assertThat(failed.executionCounts().failed()).isEqualTo(1);
        assertThat(failed.executionCounts().aborted()).isEqualTo(1);
        assertThat(failed.redriveCount()).isZero();
        assertThat(failed.redriveDate()).isNull();
        int eventsBefore = history(exec).size();

        sfn.redriveExecution(b -> b.executionArn(exec));
        clock.runUntilIdle();

        DescribeExecutionResponse done = describe(exec);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("[10,20,30]");
        // Item 1 succeeded and is not run again; item 2 is retried, item 3 runs from its Wait.
        assertThat(calls(exec, 1)).isEqualTo(1);
        assertThat(calls(exec, 2)).isEqualTo(2);
        assertThat(calls(exec, 3)).isEqualTo(1);
        assertThat(CALLS.keySet()).noneMatch(key -> key.startsWith(exec + "#"));
        assertThat(mapRuns(exec)).extracting(MapRunListItem::mapRunArn).containsExactly(mapRunArn);
        DescribeMapRunResponse redriven = describeMapRun(mapRunArn);
        assertThat(redriven.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
        assertThat(redriven.redriveDate()).isEqualTo(done.redriveDate());
        assertThat(redriven.startDate()).isEqualTo(failed.startDate());
        assertThat(redriven.executionCounts().succeeded()).isEqualTo(3);
        assertThat(redriven.executionCounts().failed()).isZero();
        assertThat(redriven.executionCounts().aborted()).isZero();
        assertThat(redriven.executionCounts().total()).isEqualTo(3);

        // The parent records the Map Run, none of its children's events.
        List<HistoryEvent> after = history(exec).subList(eventsBefore, history(exec).size());
        assertThat(after)
                .extracting(HistoryEvent::type)
                .containsExactly(
                        HistoryEventType.EXECUTION_REDRIVEN,
                        HistoryEventType.MAP_STATE_ENTERED,
                        HistoryEventType.MAP_STATE_STARTED,
                        HistoryEventType.MAP_RUN_REDRIVEN,
                        HistoryEventType.MAP_RUN_SUCCEEDED,
                        HistoryEventType.MAP_STATE_SUCCEEDED,
                        HistoryEventType.MAP_STATE_EXITED,
                        HistoryEventType.EXECUTION_SUCCEEDED);
        HistoryEvent mapRunRedriven = after.get(3);
        assertThat(mapRunRedriven.mapRunRedrivenEventDetails().mapRunArn()).isEqualTo(mapRunArn);
        assertThat(mapRunRedriven.mapRunRedrivenEventDetails().redriveCount()).isEqualTo(1);

        // The children that ran again were redriven; the one that succeeded was not.
        Map<String, String> children = childrenByInput(mapRunArn);
        assertThat(children).hasSize(3);
        assertThat(children.values())
                .extracting(c -> describe(c).redriveCount())
                .containsExactlyInAnyOrder(0, 1, 1);
        // Each child's own history: the redriven ones go on after ExecutionRedriven from the
        // state they failed or were stopped in (item 3 was cut on its way from the Choice to
        // the Wait, so it goes on at the Wait), the one that succeeded is left as it was.
        assertThat(types(children.get("{\"id\":1}")))
                .containsExactly(
                        "ExecutionStarted",
                        "ChoiceStateEntered",
                        "ChoiceStateExited",
                        "TaskStateEntered",
                        "LambdaFunctionScheduled",
                        "LambdaFunctionStarted",
                        "LambdaFunctionSucceeded",
                        "TaskStateExited",
                        "ExecutionSucceeded");
        assertThat(types(children.get("{\"id\":2,\"fail\":1}")))
                .containsExactly(
                        "ExecutionStarted",
                        "ChoiceStateEntered",
                        "ChoiceStateExited",
                        "TaskStateEntered",
                        "LambdaFunctionScheduled",
                        "LambdaFunctionStarted",
                        "LambdaFunctionFailed",
                        "ExecutionFailed",
                        "ExecutionRedriven",
                        "TaskStateEntered",
                        "LambdaFunctionScheduled",
                        "LambdaFunctionStarted",
                        "LambdaFunctionSucceeded",
                        "TaskStateExited",
                        "ExecutionSucceeded");
        List<HistoryEvent> cut = history(children.get("{\"id\":3}"));
        assertThat(cut)
                .extracting(HistoryEvent::typeAsString)
                .containsExactly(
                        "ExecutionStarted",
                        "ChoiceStateEntered",
                        "ChoiceStateExited",
                        "ExecutionAborted",
                        "ExecutionRedriven",
                        "WaitStateEntered",
                        "WaitStateExited",
                        "TaskStateEntered",
                        "LambdaFunctionScheduled",
                        "LambdaFunctionStarted",
                        "LambdaFunctionSucceeded",
                        "TaskStateExited",
                        "ExecutionSucceeded");
        assertThat(cut.get(4).executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(cut.get(4).previousEventId()).isEqualTo(4);
    }

    /** The Map Run's children by their input. */
    private static Map<String, String> childrenByInput(String mapRunArn) {
        Map<String, String> out = new java.util.HashMap<>();
        for (ExecutionListItem c : sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions()) {
            out.put(describe(c.executionArn()).input(), c.executionArn());
        }
        return out;
    }

    private static List<String> types(String exec) {
        return history(exec).stream().map(HistoryEvent::typeAsString).toList();
    }

    @Test
    void eachRedriveOfTheParent_countsOnTheMapRun() {
        String exec =
                failedRun(
                        machine("redrive-map-run-twice", "STANDARD"),
                        "[{\"id\": 1, \"fail\": 2}, {\"id\": 2}]");
        String mapRunArn = mapRuns(exec).get(0).mapRunArn();

        sfn.redriveExecution(b -> b.executionArn(exec));
        clock.runUntilIdle();
        assertThat(describe(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        DescribeMapRunResponse once = describeMapRun(mapRunArn);
        assertThat(once.status()).isEqualTo(MapRunStatus.FAILED);
        assertThat(once.redriveCount()).isEqualTo(1);

        sfn.redriveExecution(b -> b.executionArn(exec));
        clock.runUntilIdle();
        assertThat(describe(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(describe(exec).output()).isEqualTo("[10,20]");
        assertThat(describeMapRun(mapRunArn).redriveCount()).isEqualTo(2);
        assertThat(mapRuns(exec)).hasSize(1);
        assertThat(calls(exec, 1)).isEqualTo(3);
        assertThat(calls(exec, 2)).isEqualTo(1);
        assertThat(history(exec))
                .filteredOn(e -> e.type() == HistoryEventType.MAP_RUN_REDRIVEN)
                .extracting(e -> e.mapRunRedrivenEventDetails().redriveCount())
                .containsExactly(1, 2);
    }

    @Test
    void expressChildren_startAgainFromTheirStartAt() {
        String exec =
                failedRun(
                        machine("redrive-map-run-express", "EXPRESS"),
                        "[{\"id\": 2, \"fail\": 1}, {\"id\": 3}]");
        String mapRunArn = mapRuns(exec).get(0).mapRunArn();
        int eventsBefore = history(exec).size();

        sfn.redriveExecution(b -> b.executionArn(exec));
        clock.runUntilIdle();

        assertThat(describe(exec).output()).isEqualTo("[20,30]");
        assertThat(describeMapRun(mapRunArn).redriveCount()).isEqualTo(1);
        // Both children run from their first state again, the Choice included, in a history that
        // starts over (AWS reruns EXPRESS children with StartExecution: "Redriving Map Runs").
        assertThat(history(exec).subList(eventsBefore, history(exec).size()))
                .extracting(HistoryEvent::type)
                .doesNotContain(HistoryEventType.CHOICE_STATE_ENTERED);
        for (String child : childrenByInput(mapRunArn).values()) {
            assertThat(types(child))
                    .startsWith("ExecutionStarted", "ChoiceStateEntered")
                    .doesNotContain("ExecutionRedriven")
                    .endsWith("ExecutionSucceeded");
        }
    }
}
