package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.model.State;

/** The Pass state (ASL spec "Pass State"). */
final class PassEvaluator {
    private PassEvaluator() {}

    static void run(StateRun run, State.Pass pass) {
        if (pass.common().jsonata()) {
            DataFlow.Completion done =
                    DataFlow.withoutResult(
                            run, run.rawInput(), pass.common().output(), pass.common().assign());
            run.succeed(done.output(), null, done.assign());
            return;
        }
        JsonNode input = DataFlow.effectiveInput(run);
        JsonNode result = pass.result() != null ? pass.result() : DataFlow.parameters(run, input);
        DataFlow.Completion done = DataFlow.withResult(run, result);
        run.succeed(done.output(), null, done.assign());
    }
}
