package dev.orderflow.adapters.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.DependencyUnavailable;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Probing the saga's state machine through the real SDK against the project's engine. */
class SfnStateMachineProbeIT {

    private static final LocalStepFunctions LOCAL = new LocalStepFunctions();
    private static final Duration LIMIT = Duration.ofSeconds(2);

    @AfterAll
    static void stop() {
        LOCAL.close();
    }

    @Test
    void check_passes_forAnExistingStateMachine() {
        String machine = LOCAL.createFulfillmentStep(60, 300);

        assertThatCode(() -> new SfnStateMachineProbe(LOCAL.sfn, "saga", machine, LIMIT).check())
                .doesNotThrowAnyException();
    }

    @Test
    void check_isUnavailable_forAMissingStateMachine_namingIt() {
        String missing = "arn:aws:states:us-east-1:123456789012:stateMachine:no-such-saga";
        var probe = new SfnStateMachineProbe(LOCAL.sfn, "saga", missing, LIMIT);

        assertThatThrownBy(probe::check)
                .isInstanceOf(DependencyUnavailable.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("not found");
    }
}
