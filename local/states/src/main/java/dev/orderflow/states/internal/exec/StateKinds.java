package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.internal.model.Catcher;

/**
 * What each state kind does, seen from the run loop: one attempt of a state, and a catcher's
 * output. Implemented by the evaluators ({@code internal.eval}), which depend on this package and
 * not the other way round.
 */
public interface StateKinds {
    /** Evaluates one attempt of {@code run}'s state; completes or fails {@code run}. */
    void attempt(StateRun run);

    /** The output and assignments of a matching {@code catcher} for {@code errorOutput}. */
    CatchResult caught(StateRun run, Catcher catcher, JsonNode errorOutput);
}
