package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.states.api.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The unmodified AWS SDK v2 {@code SfnClient} against the HTTP API, with virtual time. */
class SfnClientTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static VirtualClock clock;
    private static ScriptedInvoker invoker;
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        clock = new VirtualClock();
        invoker = new ScriptedInvoker();
        server =
                StepFunctionsServer.builder()
                        .port(0)
                        .clock(clock)
                        .taskInvoker(invoker)
                        .seed(1)
                        .start();
        sfn = SdkClients.sfnWithoutHostPrefix(server);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    private static String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
                .stateMachineArn();
    }

    @Test
    void startExecution_runsToCompletion_andDescribesOutput() throws Exception {
        String arn =
                create(
                        "hello",
                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":{\"ok\":true},\"End\":true}}}");
        String exec =
                sfn.startExecution(b -> b.stateMachineArn(arn).name("run1").input("{\"x\":1}"))
                        .executionArn();
        var d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output())).isEqualTo(JSON.readTree("{\"ok\":true}"));
        assertThat(d.startDate()).isEqualTo(clock.now());
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        assertThat(events)
                .extracting(HistoryEvent::type)
                .containsExactly(
                        HistoryEventType.EXECUTION_STARTED,
                        HistoryEventType.PASS_STATE_ENTERED,
                        HistoryEventType.PASS_STATE_EXITED,
                        HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("A");
        assertThat(events.get(1).previousEventId()).isEqualTo(1L);
        assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"x\":1}");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn)).executions()).hasSize(1);
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(exec)).name())
                .isEqualTo("hello");
    }

    @Test
    void startExecution_sameNameSameInputWhileRunning_isIdempotent_otherwiseAlreadyExists() {
        String arn =
                create(
                        "waiter",
                        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}");
        String first =
                sfn.startExecution(b -> b.stateMachineArn(arn).name("same").input("{}"))
                        .executionArn();
        String again =
                sfn.startExecution(b -> b.stateMachineArn(arn).name("same").input("{}"))
                        .executionArn();
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(
                        () ->
                                sfn.startExecution(
                                        b ->
                                                b.stateMachineArn(arn)
                                                        .name("same")
                                                        .input("{\"other\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        clock.advance(Duration.ofSeconds(60));
        assertThat(sfn.describeExecution(b -> b.executionArn(first)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThatThrownBy(
                        () ->
                                sfn.startExecution(
                                        b -> b.stateMachineArn(arn).name("same").input("{}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void waitForTaskToken_completesOnSendTaskSuccess_andRejectsReuse() throws Exception {
        String arn =
                create(
                        "callback",
                        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                                + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                                + "\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}");
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).name("cb")).executionArn();
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
                .isEqualTo(ExecutionStatus.RUNNING);
        String token =
                invoker.requests.stream()
                        .filter(r -> r.executionArn().equals(exec))
                        .findFirst()
                        .orElseThrow()
                        .taskToken()
                        .orElseThrow();
        sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"paid\":true}"));
        var d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output())).isEqualTo(JSON.readTree("{\"paid\":true}"));
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events())
                .extracting(HistoryEvent::type)
                .contains(HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED);
    }

    @Test
    void errors_carryAwsExceptionNames() {
        assertThatThrownBy(
                        () ->
                                sfn.describeExecution(
                                        b ->
                                                b.executionArn(
                                                        "arn:aws:states:us-east-1:123456789012:execution:nope:x")))
                .isInstanceOf(ExecutionDoesNotExistException.class)
                .hasMessageContaining("Execution Does Not Exist");
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(
                        () ->
                                sfn.startExecution(
                                        b ->
                                                b.stateMachineArn(
                                                        "arn:aws:states:us-east-1:123456789012:stateMachine:none")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(
                        () ->
                                create(
                                        "bad",
                                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("SCHEMA_VALIDATION_FAILED");
        assertThatThrownBy(
                        () ->
                                sfn.sendTaskSuccess(
                                        b ->
                                                b.taskToken("b2ZsMXxhcm46YXdzOnN0YXRlczp4fGFiYw")
                                                        .output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
    }

    @Test
    void validate_reportsDiagnosticsWithLocations() {
        var r =
                sfn.validateStateMachineDefinition(
                        b ->
                                b.definition(
                                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"C\":{\"Type\":\"Succeed\"}}}"));
        assertThat(r.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(r.diagnostics())
                .anySatisfy(
                        d -> {
                            assertThat(d.code()).isEqualTo("MISSING_TRANSITION_TARGET");
                            assertThat(d.location()).isEqualTo("/States/A/Next");
                        });
    }

    @Test
    void startSyncExecution_returnsOutputForExpress() {
        String arn =
                sfn.createStateMachine(
                                b ->
                                        b.name("express")
                                                .type(StateMachineType.EXPRESS)
                                                .roleArn(ROLE)
                                                .definition(
                                                        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":5,\"Next\":\"P\"},"
                                                                + "\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"sum.$\":\"States.MathAdd($.a, 2)\"},\"End\":true}}}"))
                        .stateMachineArn();
        var r = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{\"a\":40}"));
        assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo("{\"sum\":42}");
    }

    @Test
    void stopExecution_abortsAndRecordsEvent() {
        String arn =
                create(
                        "stoppable",
                        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}");
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
        sfn.stopExecution(b -> b.executionArn(exec).error("Manual").cause("test"));
        var d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(d.error()).isEqualTo("Manual");
        clock.advance(Duration.ofMinutes(10));
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
                .isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void testState_runsOneState() {
        var r =
                sfn.testState(
                        b ->
                                b.roleArn(ROLE)
                                        .input("{\"n\":3}")
                                        .definition(
                                                "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":2,\"Next\":\"Big\"}],\"Default\":\"Small\"}"));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("Big");
        assertThat(r.output()).isEqualTo("{\"n\":3}");
    }

    @Test
    void redriveExecution_restartsAtTheFailedState_withItsInputAndVariables() throws Exception {
        invoker.script(
                "Flaky",
                dev.orderflow.states.spi.TaskOutcome.failure("Downstream.Unavailable", "down"),
                dev.orderflow.states.spi.TaskOutcome.success(JSON.readTree("{\"ok\":true}")));
        String arn =
                create(
                        "redrive",
                        """
                {"StartAt": "Prep", "States": {
                  "Prep": {"Type": "Pass", "Assign": {"who": "prep"}, "Result": {"step": 1}, "Next": "Flaky"},
                  "Flaky": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "f", "Payload": {"redrive.$": "$$.Execution.RedriveCount", "who.$": "$who"}},
                    "ResultSelector": {"ok.$": "$.Payload.ok"}, "End": true}}}
                """);
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).name("rd")).executionArn();
        var failed = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.redriveStatusAsString()).isEqualTo("REDRIVABLE");
        sfn.redriveExecution(b -> b.executionArn(exec));
        var d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.redriveCount()).isEqualTo(1);
        assertThat(d.output()).isEqualTo("{\"ok\":true}");
        var lastCall =
                invoker.requests.get(invoker.requests.size() - 1).parameters().get("Payload");
        assertThat(lastCall.get("redrive").asInt()).isEqualTo(1);
        assertThat(lastCall.get("who").asText()).isEqualTo("prep");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events())
                .extracting(HistoryEvent::type)
                .containsSubsequence(
                        HistoryEventType.EXECUTION_FAILED,
                        HistoryEventType.EXECUTION_REDRIVEN,
                        HistoryEventType.TASK_STATE_ENTERED,
                        HistoryEventType.EXECUTION_SUCCEEDED);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                .isInstanceOf(
                        software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException
                                .class);
    }

    @Test
    void getExecutionHistory_pagesByHundreds_andThePaginatorReadsAll() {
        String arn =
                create(
                        "long",
                        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                                + "\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}}}}");
        StringBuilder items = new StringBuilder("[0");
        for (int i = 1; i < 60; i++) {
            items.append(',').append(i);
        }
        String exec =
                sfn.startExecution(b -> b.stateMachineArn(arn).input(items.append(']').toString()))
                        .executionArn();
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events()).hasSize(100);
        var all =
                sfn
                        .getExecutionHistoryPaginator(b -> b.executionArn(exec).maxResults(70))
                        .events()
                        .stream()
                        .toList();
        assertThat(all).hasSize(6 + 60 * 4);
        assertThat(all.get(all.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
    }
}
