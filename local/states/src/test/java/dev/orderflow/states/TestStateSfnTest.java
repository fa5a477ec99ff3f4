package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.spi.TaskOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * TestState's error statuses through the SDK v2 {@code SfnClient}. Sources: API reference
 * "TestState" / "TestStateOutput" / "InspectionErrorDetails"
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html), the
 * developer guide "Using TestState API to test a state" (retrierRetryCount example: interval 2,
 * backoff 2.0, one retry so far: RETRIABLE, retryBackoffIntervalSeconds 4, retryIndex 0), and
 * AWS-recorded answers in localstack/localstack
 * tests/aws/services/stepfunctions/v2/test_state/test_state_configuration.snapshot.json (RETRIABLE
 * carries error and cause, no output and no nextState; errorDetails only at DEBUG/TRACE; a second
 * retrier matching gives retryIndex 1; CAUGHT_ERROR gives catchIndex).
 */
class TestStateSfnTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final String TASK =
            """
            {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "f", "Payload.$": "$"},
             "Retry": [
               {"ErrorEquals": ["Other.Error"], "MaxAttempts": 5},
               {"ErrorEquals": ["Downstream.Busy"], "IntervalSeconds": 2, "BackoffRate": 2.0,
                "MaxAttempts": 3}],
             "Catch": [%s],
             "Next": "Done"}
            """;
    private static final String CATCH_ALL =
            "{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Handle\"}";
    private static StepFunctionsServer server;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        ScriptedInvoker invoker =
                new ScriptedInvoker()
                        .script("TestState", TaskOutcome.failure("Downstream.Busy", "try later"));
        server =
                StepFunctionsServer.builder()
                        .port(0)
                        .clock(new VirtualClock())
                        .taskInvoker(invoker)
                        .start();
        sfn = SdkClients.sfnWithoutHostPrefix(server);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    private static TestStateResponse test(
            String catchers, InspectionLevel level, Integer retriesSoFar) {
        return sfn.testState(
                b ->
                        b.roleArn(ROLE)
                                .definition(TASK.formatted(catchers))
                                .input("{\"order\":7}")
                                .inspectionLevel(level)
                                .stateConfiguration(c -> c.retrierRetryCount(retriesSoFar)));
    }

    @Test
    void testState_isRetriable_whenTheFirstMatchingRetryHasAttemptsLeft() {
        TestStateResponse r = test(CATCH_ALL, InspectionLevel.DEBUG, 1);

        assertThat(r.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(r.error()).isEqualTo("Downstream.Busy");
        assertThat(r.cause()).isEqualTo("try later");
        assertThat(r.output()).isNull();
        assertThat(r.nextState()).isNull();
        assertThat(r.inspectionData().input()).isEqualTo("{\"order\":7}");
        assertThat(r.inspectionData().errorDetails().retryIndex()).isEqualTo(1);
        assertThat(r.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(4);
        assertThat(r.inspectionData().errorDetails().catchIndex()).isNull();
    }

    @Test
    void testState_answersNoInspectionData_atInfo() {
        TestStateResponse r = test(CATCH_ALL, InspectionLevel.INFO, null);

        assertThat(r.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(r.error()).isEqualTo("Downstream.Busy");
        assertThat(r.inspectionData()).isNull();
    }

    @Test
    void testState_goesToCatch_whenTheMatchingRetryIsExhausted() {
        TestStateResponse r = test(CATCH_ALL, InspectionLevel.TRACE, 3);

        assertThat(r.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(r.error()).isEqualTo("Downstream.Busy");
        assertThat(r.nextState()).isEqualTo("Handle");
        assertThat(r.output()).contains("\"Error\":\"Downstream.Busy\"");
        assertThat(r.inspectionData().errorDetails().catchIndex()).isZero();
        assertThat(r.inspectionData().errorDetails().retryIndex()).isNull();
    }

    @Test
    void testState_fails_whenTheRetryIsExhaustedAndNoCatchMatches() {
        TestStateResponse r =
                test(
                        "{\"ErrorEquals\": [\"Other.Error\"], \"Next\": \"Handle\"}",
                        InspectionLevel.DEBUG,
                        3);

        assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("Downstream.Busy");
        assertThat(r.nextState()).isNull();
        assertThat(r.inspectionData().errorDetails()).isNull();
    }

    @Test
    void testState_rejectsAnUnknownInspectionLevel() {
        assertThatThrownBy(
                        () ->
                                sfn.testState(
                                        b ->
                                                b.roleArn(ROLE)
                                                        .definition(
                                                                "{\"Type\":\"Pass\",\"End\":true}")
                                                        .inspectionLevel("VERBOSE")))
                .isInstanceOfSatisfying(
                        SfnException.class,
                        e -> {
                            assertThat(e.awsErrorDetails().errorCode())
                                    .isEqualTo("ValidationException");
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .contains("'inspectionLevel'");
                        });
    }
}
