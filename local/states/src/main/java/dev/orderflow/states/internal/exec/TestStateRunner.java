package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.TestStateResult;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs a wrapped single state (TestState) as a throw-away EXPRESS execution. */
public final class TestStateRunner {
    private TestStateRunner() {}

    /**
     * Runs {@code def} (from {@link TestStateMachine#wrap}, without Retry) on {@code input}, then
     * judges an error against {@code tested} (the state as written, with its Retry and Catch) as if
     * it had been retried {@code retriesSoFar} times.
     *
     * @throws StepFunctionsException InvalidExecutionInput
     */
    public static TestStateResult run(
            EngineServices services,
            StateMachineDef def,
            State tested,
            String input,
            int retriesSoFar) {
        return TestStateErrors.classify(ran(services, def, input), tested, retriesSoFar);
    }

    private static TestStateResult ran(EngineServices services, StateMachineDef def, String input) {
        JsonNode parsed;
        try {
            parsed = Json.parse(input);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput", "Invalid input: '" + e.getMessage() + "'");
        }
        String smArn =
                Arns.stateMachine(services.region(), services.account(), TestStateMachine.NAME);
        StateMachineRef machine =
                new StateMachineRef(smArn, TestStateMachine.NAME, "", StateMachineType.EXPRESS);
        ExecutionIdentity identity =
                new ExecutionIdentity(
                        machine,
                        Arns.execution(
                                smArn, StateMachineType.EXPRESS, UUID.randomUUID().toString()),
                        "test",
                        null);
        ExecutionRun run =
                new ExecutionRun(services, identity, input, parsed, def, services.clock().now());
        run.start();
        ExecutionRun done = Completions.await(run);
        List<HistoryEvent> events = done.history().snapshot();
        Optional<String> next =
                events.stream()
                        .filter(
                                e ->
                                        e.type().endsWith("StateEntered")
                                                && !e.details()
                                                        .path("name")
                                                        .asText()
                                                        .equals(TestStateMachine.NAME))
                        .map(e -> e.details().path("name").asText())
                        .findFirst();
        if (done.status() != dev.orderflow.states.api.ExecutionStatus.SUCCEEDED) {
            return new TestStateResult(
                    "FAILED",
                    Optional.empty(),
                    Optional.ofNullable(done.error()),
                    Optional.ofNullable(done.cause()),
                    Optional.empty(),
                    Optional.of(input),
                    Optional.empty());
        }
        Optional<HistoryEvent> failure =
                events.stream()
                        .filter(
                                e ->
                                        e.type().endsWith("Failed")
                                                && e.details() != null
                                                && e.details().has("error"))
                        .findFirst();
        Optional<String> output = Optional.ofNullable(done.output()).map(Json::write);
        if (failure.isPresent()) {
            return new TestStateResult(
                    "CAUGHT_ERROR",
                    output,
                    Optional.of(failure.get().details().path("error").asText()),
                    Optional.ofNullable(failure.get().details().path("cause").textValue()),
                    next,
                    Optional.of(input),
                    Optional.empty());
        }
        return new TestStateResult(
                "SUCCEEDED",
                output,
                Optional.empty(),
                Optional.empty(),
                next,
                Optional.of(input),
                Optional.empty());
    }
}
