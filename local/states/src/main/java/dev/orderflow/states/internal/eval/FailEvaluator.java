package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.State;

/** The Fail state (AWS docs "Fail workflow state"). */
final class FailEvaluator {
    private FailEvaluator() {}

    static void run(StateRun run, State.Fail fail) {
        String error;
        String cause;
        if (fail.common().jsonata()) {
            error = jsonata(run, fail.error(), "Error");
            cause = jsonata(run, fail.cause(), "Cause");
        } else {
            JsonNode input = DataFlow.effectiveInput(run);
            error =
                    fail.errorPath() != null
                            ? dynamic(run, fail.errorPath(), "ErrorPath", input)
                            : fail.error() == null ? null : fail.error().asText();
            cause =
                    fail.causePath() != null
                            ? dynamic(run, fail.causePath(), "CausePath", input)
                            : fail.cause() == null ? null : fail.cause().asText();
        }
        run.fail(error, cause);
    }

    private static String jsonata(StateRun run, JsonNode field, String name) {
        if (field == null) {
            return null;
        }
        JsonNode v = run.services().jsonata().evaluateTemplate(field, run.jsonataScope(null, null));
        if (v == null || !v.isTextual()) {
            throw new StatesFailure(
                    StatesErrors.QUERY_EVALUATION_ERROR,
                    "The "
                            + name
                            + " field of the Fail state '"
                            + run.state().name()
                            + "' must evaluate to a string");
        }
        return v.asText();
    }

    private static String dynamic(StateRun run, String expression, String field, JsonNode input) {
        JsonNode v = run.services().templates().dynamic(field, expression, run.roots(input));
        if (!v.isTextual()) {
            throw StatesFailure.runtime(
                    "The value of the field '" + field + "' must resolve to a string but was " + v);
        }
        return v.asText();
    }
}
