package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.states.api.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;

/**
 * State machines and executions kept in a data directory survive a restart of the server: a
 * finished execution keeps its history, a task parked on a token takes the same token afterwards,
 * and a Wait state ends at the deadline it had. Each restart is a new server on the same directory,
 * driven through the unmodified SDK.
 */
class DataDirTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir Path dataDir;

    private StepFunctionsServer server(VirtualClock clock, ScriptedInvoker invoker) {
        return StepFunctionsServer.builder()
                .port(0)
                .clock(clock)
                .taskInvoker(invoker)
                .dataDir(dataDir)
                .start();
    }

    private static SfnClient client(StepFunctionsServer server) {
        return SdkClients.sfn(server).build();
    }

    /** Creates the state machine and starts one execution of it; returns the execution's ARN. */
    private static String start(
            SfnClient sfn, String machineName, String definition, String execName, String input) {
        String machine =
                sfn.createStateMachine(
                                b -> b.name(machineName).definition(definition).roleArn(ROLE))
                        .stateMachineArn();
        return sfn.startExecution(b -> b.stateMachineArn(machine).name(execName).input(input))
                .executionArn();
    }

    private static ExecutionStatus status(SfnClient sfn, String exec) {
        return sfn.describeExecution(b -> b.executionArn(exec)).status();
    }

    /**
     * Restarts the server with its clock at {@code restartAt}, checks that the execution still runs
     * one second before {@code deadline}, and describes it at the deadline.
     */
    private DescribeExecutionResponse describeAtDeadlineAfterRestart(
            String exec, Instant restartAt, Instant deadline) {
        VirtualClock later = new VirtualClock(restartAt);
        try (StepFunctionsServer second = server(later, new ScriptedInvoker());
                SfnClient sfn = client(second)) {
            later.advance(Duration.between(restartAt, deadline).minusSeconds(1));
            assertThat(status(sfn, exec)).isEqualTo(ExecutionStatus.RUNNING);
            later.advance(Duration.ofSeconds(1));
            return sfn.describeExecution(b -> b.executionArn(exec));
        }
    }

    @Test
    void finishedExecution_keepsStatusOutputAndHistory_afterRestart() throws Exception {
        String exec;
        List<HistoryEvent> before;
        try (StepFunctionsServer first = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(first)) {
            exec =
                    start(
                            sfn,
                            "done",
                            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                                    + "\"Result\":{\"v\":1},\"End\":true}}}",
                            "e1",
                            "{}");
            assertThat(status(sfn, exec)).isEqualTo(ExecutionStatus.SUCCEEDED);
            before = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        }
        try (StepFunctionsServer second = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(second)) {
            var d = sfn.describeExecution(b -> b.executionArn(exec));
            assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(d.output())).isEqualTo(JSON.readTree("{\"v\":1}"));
            assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events())
                    .isEqualTo(before);
            assertThat(sfn.listStateMachines().stateMachines()).hasSize(1);
            assertThat(
                            sfn.listExecutions(
                                            b ->
                                                    b.stateMachineArn(
                                                            sfn.listStateMachines()
                                                                    .stateMachines()
                                                                    .get(0)
                                                                    .stateMachineArn()))
                                    .executions())
                    .hasSize(1);
        }
    }

    @Test
    void parkedTask_acceptsTheSameTokenAfterRestart_andKeepsVariables() throws Exception {
        String exec;
        String token;
        ScriptedInvoker firstInvoker = new ScriptedInvoker();
        try (StepFunctionsServer first = server(new VirtualClock(T0), firstInvoker);
                SfnClient sfn = client(first)) {
            exec =
                    start(
                            sfn,
                            "callback",
                            "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"Remember\",\"States\":{"
                                    + "\"Remember\":{\"Type\":\"Pass\",\"Assign\":{\"order\":\"o-7\"},\"Next\":\"Ask\"},"
                                    + "\"Ask\":{\"Type\":\"Task\","
                                    + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                                    + "\"Arguments\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"token\":\"{% $states.context.Task.Token %}\"}},"
                                    + "\"TimeoutSeconds\":3600,\"Next\":\"Done\"},"
                                    + "\"Done\":{\"Type\":\"Pass\",\"Output\":{\"order\":\"{% $order %}\",\"paid\":\"{% $states.input.paid %}\"},\"End\":true}}}",
                            "cb",
                            "{}");
            token = firstInvoker.requests.get(0).taskToken().orElseThrow();
            assertThat(status(sfn, exec)).isEqualTo(ExecutionStatus.RUNNING);
        }
        ScriptedInvoker secondInvoker = new ScriptedInvoker();
        try (StepFunctionsServer second =
                        server(new VirtualClock(T0.plusSeconds(60)), secondInvoker);
                SfnClient sfn = client(second)) {
            assertThat(status(sfn, exec)).isEqualTo(ExecutionStatus.RUNNING);
            sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"paid\":true}"));
            var d = sfn.describeExecution(b -> b.executionArn(exec));
            assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(d.output()))
                    .isEqualTo(JSON.readTree("{\"order\":\"o-7\",\"paid\":true}"));
            assertThat(secondInvoker.requests).isEmpty();
            assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events())
                    .extracting(HistoryEvent::type)
                    .containsOnlyOnce(
                            HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_SUBMITTED)
                    .endsWith(HistoryEventType.EXECUTION_SUCCEEDED);
        }
    }

    @Test
    void parkedTask_timesOutAtItsOriginalDeadline_afterRestart() {
        String exec;
        try (StepFunctionsServer first = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(first)) {
            exec =
                    start(
                            sfn,
                            "slow",
                            "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                                    + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                                    + "\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"t.$\":\"$$.Task.Token\"}},"
                                    + "\"TimeoutSeconds\":100,\"End\":true}}}",
                            "s",
                            "{}");
        }
        var d = describeAtDeadlineAfterRestart(exec, T0.plusSeconds(60), T0.plusSeconds(100));
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("States.Timeout");
    }

    @Test
    void waitState_endsAtTheDeadlineItHadBeforeTheRestart() throws Exception {
        String exec;
        try (StepFunctionsServer first = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(first)) {
            exec =
                    start(
                            sfn,
                            "sleepy",
                            "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"Next\":\"P\"},"
                                    + "\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                            "w",
                            "{\"a\":1}");
        }
        var d = describeAtDeadlineAfterRestart(exec, T0.plusSeconds(40), T0.plusSeconds(60));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(d.output())).isEqualTo(JSON.readTree("{\"a\":1}"));
    }

    @Test
    void restarts_compactTheJournal_andAParkedTaskStillTakesItsToken() throws Exception {
        String exec;
        String token;
        ScriptedInvoker invoker = new ScriptedInvoker();
        try (StepFunctionsServer first = server(new VirtualClock(T0), invoker);
                SfnClient sfn = client(first)) {
            exec =
                    start(
                            sfn,
                            "steps",
                            "{\"StartAt\":\"A\",\"States\":{"
                                    + "\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},"
                                    + "\"B\":{\"Type\":\"Pass\",\"Next\":\"C\"},"
                                    + "\"C\":{\"Type\":\"Pass\",\"Next\":\"T\"},"
                                    + "\"T\":{\"Type\":\"Task\","
                                    + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                                    + "\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"t.$\":\"$$.Task.Token\"}},"
                                    + "\"HeartbeatSeconds\":600,\"End\":true}}}",
                            "s",
                            "{}");
            token = invoker.requests.get(0).taskToken().orElseThrow();
            sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        }
        Path journal = dataDir.resolve("executions.jsonl");
        int written = Files.readAllLines(journal).size();
        server(new VirtualClock(T0), new ScriptedInvoker()).close();
        assertThat(Files.readAllLines(journal)).hasSizeLessThan(written);
        try (StepFunctionsServer third = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(third)) {
            sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"done\":1}"));
            assertThat(status(sfn, exec)).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void activities_surviveRestarts_andAWaitingActivityTaskIsScheduledAgain() throws Exception {
        String activity;
        String exec;
        try (StepFunctionsServer first = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(first)) {
            activity = sfn.createActivity(b -> b.name("pack")).activityArn();
            sfn.createActivity(b -> b.name("dropped"));
            sfn.deleteActivity(
                    b -> b.activityArn(activity.replace(":activity:pack", ":activity:dropped")));
            String a = activity;
            exec =
                    start(
                            sfn,
                            "packing",
                            "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Task\",\"Resource\":\""
                                    + a
                                    + "\",\"End\":true}}}",
                            "p",
                            "{\"box\":1}");
        }
        // Twice: the second start reads the compacted journal.
        server(new VirtualClock(T0), new ScriptedInvoker()).close();
        try (StepFunctionsServer again = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(again)) {
            assertThat(sfn.listActivities(b -> b.maxResults(10)).activities())
                    .extracting(a -> a.name())
                    .containsExactly("pack");
            // The top-level Task state runs again from its start: the work is queued anew.
            var task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("after"));
            assertThat(JSON.readTree(task.input())).isEqualTo(JSON.readTree("{\"box\":1}"));
            sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"packed\":true}"));
            assertThat(status(sfn, exec)).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void versionsAndAliases_surviveRestarts_andNumberingContinues() {
        String sm;
        String exec;
        String pass1 =
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}}";
        String pass2 = pass1.replace("\"Result\":1", "\"Result\":2");
        try (StepFunctionsServer first = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(first)) {
            sm =
                    sfn.createStateMachine(
                                    b ->
                                            b.name("versioned")
                                                    .definition(pass1)
                                                    .roleArn(ROLE)
                                                    .publish(true))
                            .stateMachineArn();
            sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(pass2).publish(true));
            sfn.createStateMachineAlias(
                    b ->
                            b.name("live")
                                    .routingConfiguration(
                                            RoutingConfigurationListItem.builder()
                                                    .stateMachineVersionArn(sm + ":1")
                                                    .weight(100)
                                                    .build()));
            sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(sm + ":2"));
            exec = sfn.startExecution(b -> b.stateMachineArn(sm + ":live")).executionArn();
        }
        server(new VirtualClock(T0), new ScriptedInvoker()).close();
        try (StepFunctionsServer again = server(new VirtualClock(T0), new ScriptedInvoker());
                SfnClient sfn = client(again)) {
            assertThat(sfn.describeExecution(b -> b.executionArn(exec)).stateMachineAliasArn())
                    .isEqualTo(sm + ":live");
            assertThat(
                            sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(sm + ":live"))
                                    .routingConfiguration())
                    .hasSize(1);
            String out =
                    sfn.describeExecution(
                                    b ->
                                            b.executionArn(
                                                    sfn.startExecution(
                                                                    r ->
                                                                            r.stateMachineArn(
                                                                                    sm + ":live"))
                                                            .executionArn()))
                            .output();
            assertThat(out).isEqualTo("1");
            // Version 2 was deleted before the restart; the next number is still 3.
            sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(pass1.replace("1", "3")));
            assertThat(
                            sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm))
                                    .stateMachineVersionArn())
                    .isEqualTo(sm + ":3");
        }
    }
}
