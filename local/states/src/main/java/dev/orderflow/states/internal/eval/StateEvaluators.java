package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.exec.CatchResult;
import dev.orderflow.states.internal.exec.StateKinds;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.model.Catcher;
import dev.orderflow.states.internal.model.State;

/** Dispatches a state run to the evaluator of its kind. */
public final class StateEvaluators implements StateKinds {
    @Override
    public CatchResult caught(StateRun run, Catcher catcher, JsonNode errorOutput) {
        return CatchOutput.apply(run, catcher, errorOutput);
    }

    /** Evaluates one attempt of {@code run}'s state. */
    @Override
    public void attempt(StateRun run) {
        State s = run.state();
        if (s instanceof State.Pass p) {
            PassEvaluator.run(run, p);
        } else if (s instanceof State.Task) {
            run.services().tasks().start(run);
        } else if (s instanceof State.Choice c) {
            ChoiceEvaluator.run(run, c);
        } else if (s instanceof State.Wait w) {
            WaitEvaluator.run(run, w);
        } else if (s instanceof State.Succeed) {
            DataFlow.Completion done =
                    DataFlow.withoutResult(
                            run, DataFlow.effectiveInput(run), s.common().output(), null);
            run.succeed(done.output(), null, null);
        } else if (s instanceof State.Fail f) {
            FailEvaluator.run(run, f);
        } else if (s instanceof State.Parallel p) {
            ParallelEvaluator.run(run, p);
        } else if (s instanceof State.Map m) {
            MapEvaluator.run(run, m);
        } else {
            throw new IllegalStateException("unknown state kind " + s);
        }
    }
}
