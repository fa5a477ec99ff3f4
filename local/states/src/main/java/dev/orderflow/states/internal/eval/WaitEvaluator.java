package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.State;
import dev.orderflow.states.internal.templates.PayloadTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The Wait state (ASL spec "Wait State"). */
final class WaitEvaluator {
    private WaitEvaluator() {}

    static void run(StateRun run, State.Wait wait) {
        JsonNode input = DataFlow.effectiveInput(run);
        Instant now = run.services().clock().now();
        Duration delay;
        if (wait.seconds() != null) {
            delay = Duration.ofSeconds(seconds(run, value(run, wait.seconds()), "Seconds"));
        } else if (wait.secondsPath() != null) {
            JsonNode v = PayloadTemplate.path(wait.secondsPath()).require(run.roots(input));
            delay = Duration.ofSeconds(seconds(run, v, "SecondsPath"));
        } else {
            JsonNode v =
                    wait.timestamp() != null
                            ? value(run, wait.timestamp())
                            : PayloadTemplate.path(wait.timestampPath()).require(run.roots(input));
            OffsetDateTime ts =
                    v != null && v.isTextual() ? ChoiceRules.timestamp(v.asText()) : null;
            if (ts == null) {
                // AWS names the path and the value it found, the value unquoted (LocalStack
                // test_wait snapshot "test_wait_timestamppath", recorded on AWS).
                String found =
                        wait.timestampPath() == null
                                ? ""
                                : ": " + wait.timestampPath() + " == " + text(v);
                throw failure(
                        run,
                        "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string"
                                + found);
            }
            delay = Duration.between(now, ts.toInstant());
        }
        if (run.resumedWaitDeadline() != null) {
            delay = Duration.between(now, run.resumedWaitDeadline());
        } else if (run.topLevel() && run.journal().enabled()) {
            run.journal().waiting(run.execution().executionArn(), now.plus(delay));
        }
        DataFlow.Completion done =
                DataFlow.withoutResult(run, input, wait.common().output(), wait.common().assign());
        if (delay.isNegative() || delay.isZero()) {
            run.succeed(done.output(), null, done.assign());
        } else {
            run.schedule(delay, () -> run.succeed(done.output(), null, done.assign()));
        }
    }

    private static String text(JsonNode v) {
        return v == null ? "null" : v.isTextual() ? v.asText() : v.toString();
    }

    private static JsonNode value(StateRun run, JsonNode field) {
        if (run.state().common().jsonata() && field.isTextual()) {
            return run.services().jsonata().evaluateTemplate(field, run.jsonataScope(null, null));
        }
        return field;
    }

    private static long seconds(StateRun run, JsonNode v, String field) {
        if (v == null
                || !v.isNumber()
                || v.asDouble() < 0
                || v.asDouble() != Math.rint(v.asDouble())) {
            throw failure(
                    run, "The " + field + " parameter must be a non-negative integer but was " + v);
        }
        return v.asLong();
    }

    private static StatesFailure failure(StateRun run, String cause) {
        return run.state().common().jsonata()
                ? new StatesFailure(StatesErrors.QUERY_EVALUATION_ERROR, cause)
                : StatesFailure.runtime(cause);
    }
}
