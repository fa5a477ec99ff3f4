package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step Functions Local mock configuration: test case chosen by the {@code #TestCase} ARN suffix.
 */
class MockConfigTest {
    private static final String DEFINITION =
            """
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
                "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1, "MaxAttempts": 3}],
                "Catch": [{"ErrorEquals": ["Payment.Declined"], "Next": "Declined"}],
                "ResultSelector": {"charged.$": "$.Payload.charged"}, "End": true},
              "Declined": {"Type": "Fail", "Error": "Order.PaymentDeclined"}}}
            """;

    private static final String CONFIG =
            """
            {"StateMachines": {"checkout": {"TestCases": {
               "HappyPath": {"Charge": "ChargeOk"},
               "Throttled": {"Charge": "ThrottledThenOk"},
               "Declined": {"Charge": "Declined"}}}},
             "MockedResponses": {
               "ChargeOk": {"0": {"Return": {"StatusCode": 200, "Payload": {"charged": true}}}},
               "ThrottledThenOk": {
                 "0-1": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "Rate exceeded"}},
                 "2": {"Return": {"StatusCode": 200, "Payload": {"charged": "late"}}}},
               "Declined": {"0": {"Throw": {"Error": "Payment.Declined", "Cause": "card"}}}}}
            """;

    @TempDir Path dir;

    private ExecutionDescription run(String testCase) throws Exception {
        Path file = Files.writeString(dir.resolve("mocks.json"), CONFIG);
        VirtualClock clock = new VirtualClock();
        try (StepFunctionsEngine engine =
                StepFunctionsEngine.builder().clock(clock).mockConfig(file).build()) {
            String arn =
                    engine.createStateMachine(
                                    "checkout",
                                    DEFINITION,
                                    "arn:aws:iam::1:role/r",
                                    StateMachineType.STANDARD)
                            .stateMachineArn();
            String exec =
                    engine.startExecution(arn + "#" + testCase, Optional.empty(), Optional.of("{}"))
                            .executionArn();
            clock.runUntilIdle();
            return engine.describeExecution(exec);
        }
    }

    @Test
    void happyPath_returnsTheMockedPayload() throws Exception {
        assertThat(run("HappyPath").output()).contains("{\"charged\":true}");
    }

    @Test
    void rangedResponses_followTheAttemptNumber() throws Exception {
        assertThat(run("Throttled").output()).contains("{\"charged\":\"late\"}");
    }

    @Test
    void thrownErrors_reachCatch() throws Exception {
        ExecutionDescription d = run("Declined");
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).contains("Order.PaymentDeclined");
    }

    @Test
    void unknownTestCase_isRejected() {
        assertThatThrownBy(() -> run("Nope"))
                .isInstanceOf(StepFunctionsException.class)
                .hasMessageContaining("Nope");
    }
}
