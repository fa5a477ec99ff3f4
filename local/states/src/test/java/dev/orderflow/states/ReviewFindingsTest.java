package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Divergences from AWS found in review; each test pins the AWS behaviour. */
class ReviewFindingsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static final String PASS =
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";

    private final VirtualClock clock = new VirtualClock();
    private final StepFunctionsEngine engine =
            StepFunctionsEngine.builder().clock(clock).seed(5).build();

    /** AWS docs "Execution guarantees": Express does not manage idempotency. */
    @Test
    void startExecution_sameNameTwiceOnExpress_runsTwoExecutions() {
        String sm =
                engine.createStateMachine("x", PASS, ROLE, StateMachineType.EXPRESS)
                        .stateMachineArn();
        String first =
                engine.startExecution(sm, Optional.of("same"), Optional.of("{}")).executionArn();
        String second =
                engine.startExecution(sm, Optional.of("same"), Optional.of("{}")).executionArn();
        assertThat(first)
                .isNotEqualTo(second)
                .startsWith("arn:aws:states:us-east-1:123456789012:express:x:same:");
        assertThat(engine.describeExecution(second).name()).isEqualTo("same");
        assertThat(engine.describeExecution(second).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    /** AWS API reference CreateStateMachine / UpdateStateMachine: InvalidArn. */
    @Test
    void createStateMachine_withMalformedRoleArn_isInvalidArn() {
        assertThatThrownBy(
                        () ->
                                engine.createStateMachine(
                                        "m", PASS, "notarole", StateMachineType.STANDARD))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidArn"));
        String sm =
                engine.createStateMachine("m", PASS, ROLE, StateMachineType.STANDARD)
                        .stateMachineArn();
        assertThatThrownBy(() -> engine.updateStateMachine(sm, Optional.empty(), Optional.of("x")))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidArn"));
    }

    /** AWS API reference "EvaluationFailedEventDetails": state, error, cause. */
    @Test
    void jsonataFailure_recordsEvaluationFailedWithTheStateName() {
        String sm =
                engine.createStateMachine(
                                "j",
                                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":"
                                        + "{\"Type\":\"Pass\",\"Output\":\"{% 1 + 'a' %}\",\"End\":true}}}",
                                ROLE,
                                StateMachineType.STANDARD)
                        .stateMachineArn();
        String exec = engine.startExecution(sm, Optional.empty(), Optional.empty()).executionArn();
        clock.runUntilIdle();
        List<HistoryEvent> history = engine.getExecutionHistory(exec);
        assertThat(history)
                .extracting(HistoryEvent::type)
                .containsExactly(
                        "ExecutionStarted",
                        "PassStateEntered",
                        "EvaluationFailed",
                        "ExecutionFailed");
        HistoryEvent failed = history.get(2);
        assertThat(failed.detailsField()).isEqualTo("evaluationFailedEventDetails");
        assertThat(failed.details().get("state").asText()).isEqualTo("A");
        assertThat(failed.details().get("error").asText()).isEqualTo("States.QueryEvaluationError");
    }

    /**
     * AWS API reference "HistoryEvent": previousEventId is the event that caused this one, so a Map
     * iteration's closing event follows that iteration's last state event.
     */
    @Test
    void mapIterationSucceeded_followsTheIterationsLastEvent() {
        String sm =
                engine.createStateMachine(
                                "map",
                                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":"
                                        + "{\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}},"
                                        + "\"End\":true}}}",
                                ROLE,
                                StateMachineType.STANDARD)
                        .stateMachineArn();
        String exec =
                engine.startExecution(sm, Optional.empty(), Optional.of("[1,2]")).executionArn();
        clock.runUntilIdle();
        List<HistoryEvent> h = engine.getExecutionHistory(exec);
        for (HistoryEvent e : h) {
            if (e.type().equals("MapIterationSucceeded")) {
                HistoryEvent previous = h.get((int) e.previousEventId() - 1);
                assertThat(previous.type()).isEqualTo("PassStateExited");
                assertThat(previous.details().get("output").asText())
                        .isEqualTo(Integer.toString(e.details().get("index").asInt() + 1));
            }
        }
    }

    /** AWS JSON 1.0: a request body that is not a structure is a SerializationException. */
    @Test
    void nonObjectRequestBody_isSerializationException() throws Exception {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).start()) {
            assertThat(post(server, "ListStateMachines", "[1]"))
                    .startsWith("400 ")
                    .contains("#SerializationException");
        }
    }

    /** Bad paging tokens and enum values are client errors (400), never an InternalFailure. */
    @Test
    void badNextTokenOrStatusFilter_isA400() throws Exception {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).start()) {
            String sm =
                    server.engine()
                            .createStateMachine("m", PASS, ROLE, StateMachineType.STANDARD)
                            .stateMachineArn();
            assertThat(post(server, "ListStateMachines", "{\"nextToken\":\"-5\"}"))
                    .startsWith("400 ")
                    .contains("#InvalidToken");
            assertThat(
                            post(
                                    server,
                                    "ListExecutions",
                                    "{\"stateMachineArn\":\""
                                            + sm
                                            + "\",\"statusFilter\":\"BOGUS\"}"))
                    .startsWith("400 ")
                    .contains("#ValidationException");
        }
    }

    private static String post(StepFunctionsServer server, String op, String body)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "AWSStepFunctions." + op)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
