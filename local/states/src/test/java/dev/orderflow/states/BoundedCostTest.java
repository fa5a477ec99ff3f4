package dev.orderflow.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expressions nested beyond any real use are refused with AWS errors, never a crash. */
class BoundedCostTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private final StepFunctionsEngine engine = StepFunctionsEngine.builder().build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void intrinsicCallsNestedTooDeeply_areAnInvalidDefinition() {
        String deep = "States.Array(".repeat(5000) + ")".repeat(5000);
        String definition = pass("\"Parameters\":{\"x.$\":\"" + deep + "\"}");

        assertThatThrownBy(() -> create(definition))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidDefinition"));
    }

    @Test
    void intrinsicCallsNestedAHundredLevels_areStillAccepted() {
        String nested = "States.Array(".repeat(100) + ")".repeat(100);

        assertThat(engine.validate(pass("\"Parameters\":{\"x.$\":\"" + nested + "\"}")).ok())
                .isTrue();
    }

    @Test
    void jsonataBracketsNestedTooDeeply_areAnInvalidDefinition() {
        String definition = jsonata("(".repeat(5000) + "1" + ")".repeat(5000));

        assertThat(engine.validate(definition).ok()).isFalse();
        assertThatThrownBy(() -> create(definition)).isInstanceOf(StepFunctionsException.class);
    }

    @Test
    void jsonataOperatorChainsBeyondTheLimit_areAnInvalidDefinition() {
        assertThat(engine.validate(jsonata("1+".repeat(5000) + "1")).ok()).isFalse();
        assertThat(engine.validate(jsonata("1+".repeat(500) + "1")).ok()).isTrue();
    }

    @Test
    void jsonataFunctionThatRecursesWithoutEnd_failsTheExecutionWithQueryEvaluationError() {
        String arn = create(jsonata("($f := function($x){ $f($x) + 1 }; $f(1))")).stateMachineArn();

        String exec =
                engine.startExecution(arn, Optional.of("loop"), Optional.of("{}")).executionArn();
        ExecutionDescription done = engine.awaitExecution(exec, Duration.ofSeconds(30));

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).hasValue("States.QueryEvaluationError");
    }

    private StateMachineDescription create(String definition) {
        return engine.createStateMachine("m", definition, ROLE, StateMachineType.STANDARD);
    }

    private static String pass(String fields) {
        return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + fields
                + ",\"End\":true}}}";
    }

    private static String jsonata(String expression) {
        return "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":"
                + "\"Pass\",\"Output\":\"{% "
                + expression
                + " %}\",\"End\":true}}}";
    }
}
