package dev.orderflow.adapters.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.shipping.Parcel;
import dev.orderflow.domain.shipping.TaskToken;
import dev.orderflow.domain.shipping.TaskTokens.Report;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Task-token reports through the real SDK against the project's Step Functions engine. */
class SfnTaskTokensIT {

    private static final LocalStepFunctions LOCAL = new LocalStepFunctions();
    private static final Parcel PARCEL =
            new Parcel(
                    new CenterId("FC-MUC"),
                    "SIM0123456789ABCDEF",
                    Instant.parse("2026-11-25T12:00:00Z"));

    private final SfnTaskTokens tokens = new SfnTaskTokens(LOCAL.sfn);

    @AfterAll
    static void stop() {
        LOCAL.close();
    }

    /** Starts an execution parked on its fulfillment step; returns its ARN. */
    private static String waitingExecution(int heartbeatSeconds, int timeoutSeconds) {
        String machine = LOCAL.createFulfillmentStep(heartbeatSeconds, timeoutSeconds);
        return LOCAL.sfn
                .startExecution(
                        s ->
                                s.stateMachineArn(machine)
                                        .input(
                                                "{\"orderId\":\"5b0e6f8a-3c1d-4e2f-9a7b-1c2d3e4f5a6b\"}"))
                .executionArn();
    }

    private static DescribeExecutionResponse describe(String execution) {
        return LOCAL.sfn.describeExecution(d -> d.executionArn(execution));
    }

    @Test
    void shipped_completesTheWaitingStep_withTheParcelAsItsOutput() throws Exception {
        String execution = waitingExecution(60, 300);
        TaskToken token = new TaskToken(LOCAL.tokenOf(execution));

        assertThat(tokens.shipped(token, PARCEL)).isEqualTo(Report.DELIVERED);

        DescribeExecutionResponse done = describe(execution);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(new ObjectMapper().readTree(done.output()))
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        "{\"centerId\":\"FC-MUC\",\"trackingNumber\":\"SIM0123456789ABCDEF\","
                                                + "\"shippedAt\":\"2026-11-25T12:00:00Z\"}"));
    }

    @Test
    void shipped_again_onACompletedStep_isAlreadyClosed_notAnError() {
        String execution = waitingExecution(60, 300);
        TaskToken token = new TaskToken(LOCAL.tokenOf(execution));
        tokens.shipped(token, PARCEL);

        assertThat(tokens.shipped(token, PARCEL)).isEqualTo(Report.ALREADY_CLOSED);
        assertThat(tokens.failed(token, "Fulfillment.Rejected", "late"))
                .isEqualTo(Report.ALREADY_CLOSED);
        assertThat(tokens.heartbeat(token)).isEqualTo(Report.ALREADY_CLOSED);
        assertThat(describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void failed_failsTheStep_withTheErrorTheSagaCatches() {
        String execution = waitingExecution(60, 300);
        TaskToken token = new TaskToken(LOCAL.tokenOf(execution));

        assertThat(tokens.failed(token, "Fulfillment.Rejected", "cannot pick"))
                .isEqualTo(Report.DELIVERED);

        DescribeExecutionResponse done = describe(execution);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Fulfillment.Rejected");
        assertThat(done.cause()).isEqualTo("cannot pick");
    }

    @Test
    void heartbeat_keepsTheStepWaitingPastItsHeartbeatWindow() {
        String execution = waitingExecution(60, 600);
        TaskToken token = new TaskToken(LOCAL.tokenOf(execution));

        for (int i = 0; i < 3; i++) {
            LOCAL.clock.advance(Duration.ofSeconds(45));
            assertThat(tokens.heartbeat(token)).isEqualTo(Report.DELIVERED);
        }
        assertThat(describe(execution).status()).isEqualTo(ExecutionStatus.RUNNING);

        tokens.shipped(token, PARCEL);
        assertThat(describe(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void aReport_afterTheStepsHeartbeatTimedOut_isAlreadyClosed() {
        String execution = waitingExecution(60, 300);
        TaskToken token = new TaskToken(LOCAL.tokenOf(execution));

        LOCAL.clock.advance(Duration.ofSeconds(61));

        assertThat(describe(execution).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(describe(execution).error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(LOCAL.sfn.getExecutionHistory(h -> h.executionArn(execution)).events())
                .extracting(HistoryEvent::type)
                .contains(HistoryEventType.TASK_TIMED_OUT);
        assertThat(tokens.shipped(token, PARCEL)).isEqualTo(Report.ALREADY_CLOSED);
    }

    @Test
    void aTokenTheEngineNeverIssued_isAlreadyClosed() {
        assertThat(tokens.heartbeat(new TaskToken("not-a-token"))).isEqualTo(Report.ALREADY_CLOSED);
    }
}
