package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.CatchResult;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.model.Catcher;

/** Builds a catcher's output: ResultPath over the raw input (JSONPath) or Output (JSONata). */
public final class CatchOutput {
    private CatchOutput() {}

    /** The output and assignments of {@code catcher} for {@code errorOutput}. */
    public static CatchResult apply(StateRun run, Catcher catcher, JsonNode errorOutput) {
        if (run.state().common().jsonata()) {
            var scope = run.jsonataScope(null, errorOutput);
            JsonNode output =
                    catcher.output() == null
                            ? errorOutput
                            : run.services().jsonata().evaluateTemplate(catcher.output(), scope);
            return new CatchResult(
                    output == null ? errorOutput : output,
                    Assignments.jsonata(run, catcher.assign(), scope));
        }
        JsonNode output =
                catcher.resultPath().isNull()
                        ? run.rawInput()
                        : catcher.resultPath().path().write(run.rawInput(), errorOutput);
        return new CatchResult(output, Assignments.jsonPath(run, catcher.assign(), errorOutput));
    }
}
