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
            // AWS fails on a member that returns nothing and names the field under the catcher,
            // as Catch[1]/Output/v (measured in floci-io/floci#2689).
            String field = "Catch[" + indexOf(run, catcher) + "]/";
            var scope = run.jsonataScope(null, errorOutput);
            JsonNode output =
                    catcher.output() == null
                            ? errorOutput
                            : run.services()
                                    .jsonata()
                                    .evaluateField(catcher.output(), scope, field + "Output");
            return new CatchResult(
                    output, Assignments.jsonata(run, catcher.assign(), scope, field + "Assign"));
        }
        JsonNode output =
                catcher.resultPath().isNull()
                        ? run.rawInput()
                        : catcher.resultPath().path().write(run.rawInput(), errorOutput);
        return new CatchResult(output, Assignments.jsonPath(run, catcher.assign(), errorOutput));
    }

    /**
     * The catcher's position in the state's Catch array. An equal catcher further on has the same
     * ErrorEquals, so it is never the one that matched: the first equal one is this one.
     */
    private static int indexOf(StateRun run, Catcher catcher) {
        return run.state().common().catchers().indexOf(catcher);
    }
}
