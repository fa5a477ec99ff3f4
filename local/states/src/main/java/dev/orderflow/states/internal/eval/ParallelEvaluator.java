package dev.orderflow.states.internal.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orderflow.states.internal.exec.StateRun;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.model.State;

/** The Parallel state (ASL spec "Parallel State"): all branches, results in branch order. */
final class ParallelEvaluator {
    private ParallelEvaluator() {}

    static void run(StateRun run, State.Parallel parallel) {
        JsonNode input = DataFlow.parameters(run, DataFlow.effectiveInput(run));
        run.record("ParallelStateStarted", null, null);
        int n = parallel.branches().size();
        JsonNode[] results = new JsonNode[n];
        int[] remaining = {n};
        // A redriven Parallel keeps the results of the branches that succeeded (API reference
        // "RedriveExecution"): only the others run.
        for (int i = 0; i < n; i++) {
            results[i] = run.children().redrivenOutput(i);
            if (results[i] != null) {
                remaining[0]--;
            }
        }
        if (remaining[0] == 0) {
            succeeded(run, results);
            return;
        }
        for (int i = 0; i < n; i++) {
            if (results[i] != null) {
                continue;
            }
            int index = i;
            run.children()
                    .startBranch(
                            parallel.branches().get(i),
                            input,
                            index,
                            outcome -> {
                                if (outcome.failed()) {
                                    // The branches still running are cut first (as a failing Map
                                    // iteration cuts the others), ParallelStateFailed follows the
                                    // failing branch's last event like them.
                                    run.children().cutSiblings();
                                    run.record("ParallelStateFailed", null, null);
                                    run.fail(outcome.error(), outcome.cause());
                                    return;
                                }
                                results[index] = outcome.output();
                                if (--remaining[0] == 0) {
                                    succeeded(run, results);
                                }
                            });
        }
    }

    private static void succeeded(StateRun run, JsonNode[] results) {
        ArrayNode array = Json.NODES.arrayNode();
        for (JsonNode r : results) {
            array.add(r);
        }
        run.record("ParallelStateSucceeded", null, null);
        complete(run, array);
    }

    static void complete(StateRun run, JsonNode result) {
        try {
            DataFlow.Completion done = DataFlow.withResult(run, result);
            run.succeed(done.output(), null, done.assign());
        } catch (dev.orderflow.states.internal.json.StatesFailure f) {
            run.fail(f);
        }
    }
}
