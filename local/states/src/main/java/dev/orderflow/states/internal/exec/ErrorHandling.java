package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.model.Catcher;
import dev.orderflow.states.internal.model.State;
import java.time.Duration;

/**
 * What happens when an attempt of a state fails (ASL spec "Error Handling"): the first Retry entry
 * that matches schedules another attempt while it has attempts left; otherwise the first Catch
 * entry that matches takes the error and moves on to its Next; otherwise the branch fails.
 */
final class ErrorHandling {
    private final StateRun run;
    // Created at the first failure: most states never fail.
    private Retries retries;

    ErrorHandling(StateRun run) {
        this.run = run;
    }

    /** Takes the retry counts journaled before a restart. */
    void restore(int[] counts, int total) {
        retries().restore(counts, total);
    }

    /** How many retries have run ({@code $$.State.RetryCount}). */
    int retryCount() {
        return retries == null ? 0 : retries.total();
    }

    private Retries retries() {
        if (retries == null) {
            retries = new Retries(run.state().common().retry());
        }
        return retries;
    }

    /**
     * Handles {@code error} of the failed attempt: schedules {@code attempt} after the retry wait
     * (journaled for a top-level state), or runs the matching Catch, or fails the branch.
     */
    void failed(String error, String cause, Runnable attempt) {
        State state = run.state();
        boolean task = state instanceof State.Task;
        Duration wait =
                state.common().retry().isEmpty()
                        ? null
                        : retries().next(error, task, run.services().random());
        if (wait != null) {
            if (run.topLevel() && run.journal().enabled()) {
                run.journal()
                        .retrying(
                                run.execution().executionArn(),
                                retries().counts(),
                                retries().total(),
                                run.services().clock().now().plus(wait));
            }
            run.schedule(wait, attempt);
            return;
        }
        for (Catcher catcher : state.common().catchers()) {
            if (ErrorMatcher.matches(catcher.errorEquals(), error, task)) {
                caught(catcher, error, cause);
                return;
            }
        }
        run.finishFailed(error, cause);
    }

    /** {@code catcher} takes the error: its output, variables and Next (or its own failure). */
    private void caught(Catcher catcher, String error, String cause) {
        ObjectNode errorOutput = Json.object();
        errorOutput.put("Error", error);
        errorOutput.put("Cause", cause == null ? "" : cause);
        CatchResult r;
        try {
            r = run.services().kinds().caught(run, catcher, errorOutput);
        } catch (StatesFailure f) {
            run.recordEvaluationFailure(f);
            run.finishFailed(f.error(), run.describe(f));
            return;
        }
        run.finishCaught(r, catcher.next());
    }
}
