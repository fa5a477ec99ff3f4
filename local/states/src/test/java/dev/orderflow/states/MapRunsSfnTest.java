package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ListMapRunsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * Map Runs through the unmodified SDK v2 {@code SfnClient}, with virtual time. Sources: AWS Step
 * Functions API Reference (DescribeMapRun, ListMapRuns, UpdateMapRun, ListExecutions,
 * MapRunStartedEventDetails) and the AWS-recorded snapshot of LocalStack's {@code
 * tests/aws/services/stepfunctions/v2/test_sfn_api_map_run.snapshot.json} (counts, unset tolerances
 * reading 0, the child state machine ARN {@code <machine>/<label>} in ListMapRuns).
 */
class MapRunsSfnTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static VirtualClock clock;
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        clock = new VirtualClock();
        server = StepFunctionsServer.builder().port(0).clock(clock).seed(7).start();
        sfn = SdkClients.sfn(server).build();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    /** A DISTRIBUTED Map state named {@code state} whose children each run {@code processor}. */
    private static String distributedMap(String state, String extra, String next, String body) {
        return "\""
                + state
                + "\":{\"Type\":\"Map\","
                + extra
                + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\","
                + "\"ExecutionType\":\"STANDARD\"},"
                + body
                + "},"
                + next
                + "}";
    }

    private static final String PASS =
            "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}";
    private static final String WAIT =
            "\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":10,\"End\":true}}";

    private static String run(String machine, String states, String input) {
        String arn =
                sfn.createStateMachine(
                                b ->
                                        b.name(machine)
                                                .roleArn(ROLE)
                                                .definition(
                                                        "{\"StartAt\":\"M\",\"States\":{"
                                                                + states
                                                                + "}}"))
                        .stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(arn).input(input)).executionArn();
    }

    private static List<String> types(String executionArn) {
        return sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
                .map(HistoryEvent::typeAsString)
                .toList();
    }

    private static String mapRunArn(String executionArn) {
        List<HistoryEvent> events =
                sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events();
        return events.stream()
                .filter(e -> e.type() == HistoryEventType.MAP_RUN_STARTED)
                .findFirst()
                .orElseThrow()
                .mapRunStartedEventDetails()
                .mapRunArn();
    }

    @Test
    void describeMapRun_countsEveryChild_whenTheDistributedMapSucceeds() {
        String exec =
                run(
                        "mr-describe",
                        distributedMap(
                                "M",
                                "\"Label\":\"fan\",\"MaxConcurrency\":2,",
                                "\"End\":true",
                                PASS),
                        "[1,2,3]");
        String mapRun = mapRunArn(exec);
        assertThat(mapRun)
                .matches(
                        "arn:aws:states:us-east-1:\\d{12}:mapRun:mr-describe/fan:"
                                + "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRun));

        assertThat(d.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(d.executionArn()).isEqualTo(exec);
        assertThat(d.maxConcurrency()).isEqualTo(2);
        assertThat(d.toleratedFailureCount()).isZero();
        assertThat(d.toleratedFailurePercentage()).isZero();
        assertThat(d.startDate()).isNotNull();
        assertThat(d.stopDate()).isNotNull();
        assertThat(
                        List.of(
                                d.itemCounts().succeeded(),
                                d.itemCounts().total(),
                                d.itemCounts().resultsWritten()))
                .containsExactly(3L, 3L, 3L);
        assertThat(
                        List.of(
                                d.executionCounts().pending(),
                                d.executionCounts().running(),
                                d.executionCounts().failed(),
                                d.executionCounts().succeeded()))
                .containsExactly(0L, 0L, 0L, 3L);
    }

    @Test
    void listExecutions_byMapRunArn_listsTheChildren_andDescribeExecutionNamesTheirMapRun() {
        String exec =
                run(
                        "mr-children",
                        distributedMap("Fan", "", "\"End\":true", PASS).replace("\"Fan\"", "\"M\""),
                        "[\"a\",\"b\"]");
        String mapRun = mapRunArn(exec);

        List<ExecutionListItem> children =
                sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions();

        assertThat(children).hasSize(2);
        for (ExecutionListItem c : children) {
            assertThat(c.mapRunArn()).isEqualTo(mapRun);
            assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(c.stateMachineArn()).endsWith(":stateMachine:mr-children/M");
            assertThat(c.executionArn())
                    .contains(":execution:mr-children/M:")
                    .endsWith(":" + c.name());
            var child = sfn.describeExecution(b -> b.executionArn(c.executionArn()));
            assertThat(child.mapRunArn()).isEqualTo(mapRun);
            assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(child.output()).isEqualTo(child.input());
        }
        assertThat(children)
                .extracting(
                        c -> sfn.describeExecution(b -> b.executionArn(c.executionArn())).input())
                .containsExactlyInAnyOrder("\"a\"", "\"b\"");
        // ListExecutions by state machine does not name a Map Run.
        String machine = sfn.describeExecution(b -> b.executionArn(exec)).stateMachineArn();
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
                .singleElement()
                .satisfies(e -> assertThat(e.mapRunArn()).isNull());
    }

    @Test
    void describeMapRun_findsTheRun_ofAnExecutionStartedThroughAVersion() {
        String machine =
                sfn.createStateMachine(
                                b ->
                                        b.name("mr-version")
                                                .roleArn(ROLE)
                                                .publish(true)
                                                .definition(
                                                        "{\"StartAt\":\"M\",\"States\":{"
                                                                + distributedMap(
                                                                        "M",
                                                                        "",
                                                                        "\"End\":true",
                                                                        PASS)
                                                                + "}}"))
                        .stateMachineVersionArn();
        String exec =
                sfn.startExecution(b -> b.stateMachineArn(machine).input("[1]")).executionArn();

        String mapRun = mapRunArn(exec);

        assertThat(mapRun).contains(":mapRun:mr-version/M:");
        assertThat(sfn.describeMapRun(b -> b.mapRunArn(mapRun)).status())
                .isEqualTo(MapRunStatus.SUCCEEDED);
    }

    @Test
    void listMapRuns_pagesThroughTheRunsOfAnExecution() {
        String exec =
                run(
                        "mr-list",
                        distributedMap("M", "", "\"Next\":\"N\"", PASS)
                                + ","
                                + distributedMap(
                                        "N",
                                        "\"Label\":\"second\",",
                                        "\"End\":true",
                                        PASS.replace("\"P\"", "\"Q\"")),
                        "[1]");

        ListMapRunsResponse first = sfn.listMapRuns(b -> b.executionArn(exec).maxResults(1));
        ListMapRunsResponse second =
                sfn.listMapRuns(
                        b -> b.executionArn(exec).maxResults(1).nextToken(first.nextToken()));

        assertThat(first.mapRuns())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.executionArn()).isEqualTo(exec);
                            assertThat(r.stateMachineArn()).endsWith(":stateMachine:mr-list/M");
                            assertThat(r.mapRunArn()).contains(":mapRun:mr-list/M:");
                            assertThat(r.stopDate()).isNotNull();
                        });
        assertThat(first.nextToken()).isNotNull();
        assertThat(second.mapRuns())
                .singleElement()
                .satisfies(r -> assertThat(r.mapRunArn()).contains(":mapRun:mr-list/second:"));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void updateMapRun_raisesMaxConcurrency_ofARunningMapRun() {
        String exec =
                run(
                        "mr-update",
                        distributedMap("M", "\"MaxConcurrency\":1,", "\"End\":true", WAIT),
                        "[1,2,3]");
        String mapRun = mapRunArn(exec);
        DescribeMapRunResponse before = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
        assertThat(before.status()).isEqualTo(MapRunStatus.RUNNING);
        assertThat(before.stopDate()).isNull();
        assertThat(List.of(before.executionCounts().running(), before.executionCounts().pending()))
                .containsExactly(1L, 2L);

        sfn.updateMapRun(
                b ->
                        b.mapRunArn(mapRun)
                                .maxConcurrency(3)
                                .toleratedFailureCount(1L)
                                .toleratedFailurePercentage(50f));

        DescribeMapRunResponse after = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
        assertThat(after.maxConcurrency()).isEqualTo(3);
        assertThat(after.toleratedFailureCount()).isEqualTo(1L);
        assertThat(after.toleratedFailurePercentage()).isEqualTo(50f);
        assertThat(List.of(after.executionCounts().running(), after.executionCounts().pending()))
                .containsExactly(3L, 0L);
        clock.advance(Duration.ofSeconds(10));
        assertThat(sfn.describeMapRun(b -> b.mapRunArn(mapRun)).status())
                .isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void stopExecution_abortsTheMapRun_andItsRunningChildren() {
        String exec = run("mr-stop", distributedMap("M", "", "\"End\":true", WAIT), "[1,2]");
        String mapRun = mapRunArn(exec);

        sfn.stopExecution(b -> b.executionArn(exec));

        // MapRunAborted (API reference "HistoryEvent") just before MapStateAborted, as
        // MapRunFailed comes just before MapStateFailed; see StopExecutionEventsSfnTest. The
        // children are cut in their own histories, not in the parent's.
        assertThat(types(exec))
                .containsExactly(
                        "ExecutionStarted",
                        "MapStateEntered",
                        "MapStateStarted",
                        "MapRunStarted",
                        "MapRunAborted",
                        "MapStateAborted",
                        "ExecutionAborted");
        for (ExecutionListItem child : sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions()) {
            assertThat(types(child.executionArn()))
                    .containsExactly(
                            "ExecutionStarted",
                            "WaitStateEntered",
                            "WaitStateAborted",
                            "ExecutionAborted");
        }
        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
        assertThat(d.status()).isEqualTo(MapRunStatus.ABORTED);
        assertThat(d.stopDate()).isNotNull();
        assertThat(List.of(d.executionCounts().aborted(), d.executionCounts().running()))
                .containsExactly(2L, 0L);
        assertThat(
                        sfn.listExecutions(
                                        b ->
                                                b.mapRunArn(mapRun)
                                                        .statusFilter(ExecutionStatus.ABORTED))
                                .executions())
                .hasSize(2);
    }

    @Test
    void getExecutionHistory_ofAChild_answersItsOwnHistory_andTheParentHasNoIterations() {
        String exec =
                run(
                        "mr-history",
                        distributedMap("M", "\"MaxConcurrency\":1,", "\"End\":true", PASS),
                        "[{\"n\":1},{\"n\":2}]");
        String mapRun = mapRunArn(exec);

        // AWS docs "Distributed mode": each child workflow execution has its own execution
        // history, separate from the parent's, which records only the Map Run.
        assertThat(types(exec))
                .containsExactly(
                        "ExecutionStarted",
                        "MapStateEntered",
                        "MapStateStarted",
                        "MapRunStarted",
                        "MapRunSucceeded",
                        "MapStateSucceeded",
                        "MapStateExited",
                        "ExecutionSucceeded");
        List<ExecutionListItem> children =
                sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions();
        assertThat(children).hasSize(2);
        // Newest first: the second item's child is listed first.
        String second = children.get(0).executionArn();
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(second)).events();
        assertThat(events.stream().map(HistoryEvent::typeAsString))
                .containsExactly(
                        "ExecutionStarted",
                        "PassStateEntered",
                        "PassStateExited",
                        "ExecutionSucceeded");
        assertThat(events.stream().map(HistoryEvent::previousEventId))
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"n\":2}");
        assertThat(events.get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
        assertThat(events.get(3).executionSucceededEventDetails().output()).isEqualTo("{\"n\":2}");
        assertThat(
                        sfn.getExecutionHistory(b -> b.executionArn(second).reverseOrder(true))
                                .events()
                                .get(0)
                                .typeAsString())
                .isEqualTo("ExecutionSucceeded");
    }

    @Test
    void getExecutionHistory_ofAFailedChild_endsWithExecutionFailed() {
        String fail =
                "\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
                        + "\"Error\":\"Bad\",\"Cause\":\"item failed\"}}";
        String exec = run("mr-history-fail", distributedMap("M", "", "\"End\":true", fail), "[1]");
        String child =
                sfn.listExecutions(b -> b.mapRunArn(mapRunArn(exec)))
                        .executions()
                        .get(0)
                        .executionArn();

        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(child)).events();

        assertThat(events.stream().map(HistoryEvent::typeAsString))
                .containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
        assertThat(events.get(2).executionFailedEventDetails().error()).isEqualTo("Bad");
        assertThat(events.get(2).executionFailedEventDetails().cause()).isEqualTo("item failed");
        assertThat(types(exec))
                .containsExactly(
                        "ExecutionStarted",
                        "MapStateEntered",
                        "MapStateStarted",
                        "MapRunStarted",
                        "MapRunFailed",
                        "MapStateFailed",
                        "ExecutionFailed");
    }

    @Test
    void getExecutionHistory_ofAnExpressChild_isAnswered_likeAnyExpressExecutionHere() {
        // AWS keeps no history of EXPRESS executions in Step Functions (GetExecutionHistory is
        // refused for them); this engine answers it for every EXPRESS execution (README Known
        // gaps), Map Run children included.
        String map =
                distributedMap("M", "", "\"End\":true", PASS)
                        .replace("\"STANDARD\"", "\"EXPRESS\"");
        String exec = run("mr-history-express", map, "[7]");
        String child =
                sfn.listExecutions(b -> b.mapRunArn(mapRunArn(exec)))
                        .executions()
                        .get(0)
                        .executionArn();
        assertThat(child).contains(":express:mr-history-express/M:");

        assertThat(types(child))
                .containsExactly(
                        "ExecutionStarted",
                        "PassStateEntered",
                        "PassStateExited",
                        "ExecutionSucceeded");
    }

    /**
     * A child is described like any execution, but stopped and redriven only through its parent:
     * RedriveExecution answers ExecutionNotRedrivable (API reference "RedriveExecution": a failed
     * Map Run is redriven by redriving the parent workflow); StopExecution is refused by this
     * engine (see README Known gaps).
     */
    @Test
    void stopAndRedriveExecution_ofAChild_areRefused_whileDescribeExecutionAnswersIt() {
        String exec = run("mr-child-api", distributedMap("M", "", "\"End\":true", WAIT), "[1]");
        String mapRun = mapRunArn(exec);
        String child =
                sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions().get(0).executionArn();

        assertThatThrownBy(() -> sfn.stopExecution(b -> b.executionArn(child)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("stop its parent execution '" + exec + "'");
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(child)))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageContaining("redrive its parent execution '" + exec + "'");
        var running = sfn.describeExecution(b -> b.executionArn(child));
        assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(running.mapRunArn()).isEqualTo(mapRun);
        assertThat(running.stateMachineArn()).endsWith(":stateMachine:mr-child-api/M");

        clock.advance(Duration.ofSeconds(10));

        assertThat(sfn.describeExecution(b -> b.executionArn(child)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(child)))
                .isInstanceOf(ExecutionNotRedrivableException.class);
    }

    @Test
    void mapRunCalls_answerAwsErrors_forBadArnsAndValues() {
        String unknown =
                "arn:aws:states:us-east-1:123456789012:mapRun:nope/M:0d0f1b6a-1111-4222-8333-444455556666";
        assertThatThrownBy(
                        () ->
                                sfn.describeMapRun(
                                        b ->
                                                b.mapRunArn(
                                                        "arn:aws:states:us-east-1:123456789012:stateMachine:x")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(unknown).maxConcurrency(1)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.mapRunArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(
                        () ->
                                sfn.listMapRuns(
                                        b ->
                                                b.executionArn(
                                                        "arn:aws:states:us-east-1:123456789012:execution:nope:x")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.listMapRuns(b -> b.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(unknown).maxConcurrency(-1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(
                        "1 validation error detected: Value '-1' at 'maxConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0");
        assertThatThrownBy(
                        () ->
                                sfn.updateMapRun(
                                        b ->
                                                b.mapRunArn(unknown)
                                                        .toleratedFailurePercentage(101f)
                                                        .toleratedFailureCount(-2L)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(
                        "2 validation errors detected: Value '-2' at 'toleratedFailureCount' failed to satisfy constraint: Member must have value greater than or equal to 0; Value '101' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100");
    }
}
