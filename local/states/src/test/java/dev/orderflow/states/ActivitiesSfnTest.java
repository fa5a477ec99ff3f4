package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Activities through the unmodified SDK v2 {@code SfnClient} against the HTTP server in real time,
 * with worker threads in the test: GetActivityTask, SendTask*, heartbeats and the long poll (its
 * timeout shortened to 300 ms so no test waits 60 s).
 */
class ActivitiesSfnTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final Duration POLL = Duration.ofMillis(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        server = StepFunctionsServer.builder().port(0).activityPollTimeout(POLL).start();
        sfn = SdkClients.sfn(server).build();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    private static String machine(String name, String activityArn, String taskFields) {
        String definition =
                "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\",\"Resource\":\""
                        + activityArn
                        + "\""
                        + taskFields
                        + "}"
                        + (taskFields.contains("Fallback")
                                ? ",\"Fallback\":{\"Type\":\"Pass\",\"End\":true}"
                                : "")
                        + "}}";
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
                .stateMachineArn();
    }

    private static ExecutionStatus awaitEnd(String executionArn) {
        return ExecutionStatus.fromValue(
                server.engine()
                        .awaitExecution(executionArn, Duration.ofSeconds(10))
                        .status()
                        .name());
    }

    /** A worker on its own thread: polls until it gets a task, like a real worker loop. */
    private static CompletableFuture<GetActivityTaskResponse> worker(String arn, String name) {
        return CompletableFuture.supplyAsync(
                () -> {
                    for (int i = 0; i < 30; i++) {
                        GetActivityTaskResponse r =
                                sfn.getActivityTask(b -> b.activityArn(arn).workerName(name));
                        if (r.taskToken() != null) {
                            return r;
                        }
                    }
                    throw new AssertionError("no task for " + name);
                });
    }

    @Test
    void createActivity_isIdempotent_describedListedAndDeleted() {
        String arn = sfn.createActivity(b -> b.name("pack")).activityArn();
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:pack");
        assertThat(
                        sfn.createActivity(
                                        b ->
                                                b.name("pack")
                                                        .tags(
                                                                Tag.builder()
                                                                        .key("k")
                                                                        .value("v")
                                                                        .build()))
                                .activityArn())
                .isEqualTo(arn);
        assertThat(sfn.describeActivity(b -> b.activityArn(arn)).name()).isEqualTo("pack");
        sfn.createActivity(b -> b.name("pick"));
        var first = sfn.listActivities(b -> b.maxResults(1));
        assertThat(first.activities()).hasSize(1);
        assertThat(first.nextToken()).isNotNull();
        var rest = sfn.listActivities(b -> b.maxResults(1000).nextToken(first.nextToken()));
        assertThat(rest.activities()).isNotEmpty();
        sfn.deleteActivity(b -> b.activityArn(arn));
        sfn.deleteActivity(b -> b.activityArn(arn));
        assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(arn)))
                .isInstanceOf(ActivityDoesNotExistException.class);
        String expressDefinition =
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Task\",\"Resource\":\""
                        + arn
                        + "\",\"End\":true}}}";
        assertThatThrownBy(
                        () ->
                                sfn.createStateMachine(
                                        b ->
                                                b.name("express-activity")
                                                        .type(StateMachineType.EXPRESS)
                                                        .definition(expressDefinition)
                                                        .roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("does not support Activity");
        assertThatThrownBy(() -> sfn.createActivity(b -> b.name("bad name")))
                .isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(
                        () ->
                                sfn.describeActivity(
                                        b ->
                                                b.activityArn(
                                                        "arn:aws:states:us-east-1:123456789012:stateMachine:x")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void workerTakesTheTask_andItsOutputEndsTheExecution() throws Exception {
        String activity = sfn.createActivity(b -> b.name("ship")).activityArn();
        String sm =
                machine(
                        "ship-order",
                        activity,
                        ",\"Parameters\":{\"order.$\":\"$.order\"},\"ResultPath\":\"$.shipped\",\"HeartbeatSeconds\":30,\"End\":true");
        CompletableFuture<GetActivityTaskResponse> polling = worker(activity, "worker-1");
        String exec =
                sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"order\":\"o1\"}"))
                        .executionArn();
        GetActivityTaskResponse task = polling.get(10, TimeUnit.SECONDS);
        assertThat(JSON.readTree(task.input())).isEqualTo(JSON.readTree("{\"order\":\"o1\"}"));
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"carrier\":\"dhl\"}"));

        assertThat(awaitEnd(exec)).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(sfn.describeExecution(b -> b.executionArn(exec)).output()))
                .isEqualTo(JSON.readTree("{\"order\":\"o1\",\"shipped\":{\"carrier\":\"dhl\"}}"));
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        assertThat(events)
                .extracting(HistoryEvent::type)
                .containsSubsequence(
                        HistoryEventType.ACTIVITY_SCHEDULED,
                        HistoryEventType.ACTIVITY_STARTED,
                        HistoryEventType.ACTIVITY_SUCCEEDED);
        HistoryEvent scheduled = events.get(2);
        assertThat(scheduled.activityScheduledEventDetails().resource()).isEqualTo(activity);
        assertThat(scheduled.activityScheduledEventDetails().heartbeatInSeconds()).isEqualTo(30L);
        assertThat(events.get(3).activityStartedEventDetails().workerName()).isEqualTo("worker-1");
        // The token is spent: answering again is TaskTimedOut, as AWS answers a closed task.
        assertThatThrownBy(
                        () -> sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void workerFailure_isCaughtByCatch() throws Exception {
        String activity = sfn.createActivity(b -> b.name("charge")).activityArn();
        String sm =
                machine(
                        "charge-order",
                        activity,
                        ",\"Catch\":[{\"ErrorEquals\":[\"Card.Declined\"],\"ResultPath\":\"$.failure\",\"Next\":\"Fallback\"}],\"End\":true");
        CompletableFuture<GetActivityTaskResponse> polling = worker(activity, "worker-2");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        String token = polling.get(10, TimeUnit.SECONDS).taskToken();
        sfn.sendTaskFailure(b -> b.taskToken(token).error("Card.Declined").cause("insufficient"));

        assertThat(awaitEnd(exec)).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(sfn.describeExecution(b -> b.executionArn(exec)).output()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"failure\":{\"Error\":\"Card.Declined\",\"Cause\":\"insufficient\"}}"));
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events())
                .extracting(HistoryEvent::type)
                .contains(HistoryEventType.ACTIVITY_FAILED);
    }

    @Test
    void missedHeartbeat_failsTheTaskWithStatesTimeout_andHeartbeatsKeepItAlive() throws Exception {
        String activity = sfn.createActivity(b -> b.name("weigh")).activityArn();
        String sm = machine("weigh-order", activity, ",\"HeartbeatSeconds\":2,\"End\":true");

        // A worker that heartbeats every 300 ms for 2.4 s outlives the 2 s window (1.7 s of margin
        // per heartbeat on a loaded machine).
        CompletableFuture<GetActivityTaskResponse> polling = worker(activity, "steady");
        String alive = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String token = polling.get(10, TimeUnit.SECONDS).taskToken();
        for (int i = 0; i < 8; i++) {
            TimeUnit.MILLISECONDS.sleep(300);
            sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        }
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"kg\":3}"));
        assertThat(awaitEnd(alive)).isEqualTo(ExecutionStatus.SUCCEEDED);

        // A worker that takes the task and goes silent: States.Timeout after 2 s.
        CompletableFuture<GetActivityTaskResponse> silent = worker(activity, "silent");
        String dead = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        String lost = silent.get(10, TimeUnit.SECONDS).taskToken();
        assertThat(awaitEnd(dead)).isEqualTo(ExecutionStatus.FAILED);
        assertThat(sfn.describeExecution(b -> b.executionArn(dead)).error())
                .isEqualTo("States.Timeout");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(dead)).events())
                .extracting(HistoryEvent::type)
                .contains(HistoryEventType.ACTIVITY_TIMED_OUT);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(lost)))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void longPoll_answersWithoutATask_afterThePollTimeout() {
        String activity = sfn.createActivity(b -> b.name("idle")).activityArn();
        long before = System.nanoTime();
        GetActivityTaskResponse r =
                sfn.getActivityTask(b -> b.activityArn(activity).workerName("w"));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertThat(r.taskToken()).isNull();
        assertThat(r.input()).isNull();
        assertThat(waitedMs).isGreaterThanOrEqualTo(POLL.toMillis() - 20);
        assertThatThrownBy(
                        () ->
                                sfn.getActivityTask(
                                        b ->
                                                b.activityArn(
                                                        "arn:aws:states:us-east-1:123456789012:activity:none")))
                .isInstanceOf(ActivityDoesNotExistException.class);
    }

    @Test
    void eachTask_goesToExactlyOneWorker() throws Exception {
        String activity = sfn.createActivity(b -> b.name("label")).activityArn();
        String sm = machine("label-order", activity, ",\"End\":true");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        CompletableFuture<GetActivityTaskResponse> a =
                CompletableFuture.supplyAsync(
                        () -> sfn.getActivityTask(b -> b.activityArn(activity).workerName("a")));
        CompletableFuture<GetActivityTaskResponse> b =
                CompletableFuture.supplyAsync(
                        () -> sfn.getActivityTask(r -> r.activityArn(activity).workerName("b")));
        List<String> tokens =
                java.util.stream.Stream.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS))
                        .map(GetActivityTaskResponse::taskToken)
                        .filter(t -> t != null)
                        .toList();
        assertThat(tokens).hasSize(1);
        sfn.sendTaskSuccess(r -> r.taskToken(tokens.get(0)).output("{}"));
        assertThat(awaitEnd(exec)).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void stoppedExecution_withdrawsItsQueuedTask() {
        String activity = sfn.createActivity(b -> b.name("withdrawn")).activityArn();
        String sm = machine("withdrawn-order", activity, ",\"End\":true");
        String exec = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        sfn.stopExecution(b -> b.executionArn(exec));
        assertThat(awaitEnd(exec)).isEqualTo(ExecutionStatus.ABORTED);
        // The task was queued before the stop; no worker gets it afterwards.
        assertThat(sfn.getActivityTask(b -> b.activityArn(activity).workerName("late")).taskToken())
                .isNull();
    }
}
