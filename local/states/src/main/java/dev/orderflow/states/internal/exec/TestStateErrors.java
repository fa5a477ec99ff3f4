package dev.orderflow.states.internal.exec;

import dev.orderflow.states.api.TestStateErrorDetails;
import dev.orderflow.states.api.TestStateResult;
import dev.orderflow.states.internal.model.Catcher;
import dev.orderflow.states.internal.model.Retrier;
import dev.orderflow.states.internal.model.State;
import java.util.List;
import java.util.Optional;

/**
 * What TestState reports for an error of the tested state (API reference "TestState": status
 * RETRIABLE when a Retry matches the error and has attempts left, CAUGHT_ERROR when a Catch takes
 * it). The state itself ran without its Retry, so that TestState never waits out a backoff.
 */
final class TestStateErrors {
    private TestStateErrors() {}

    /**
     * Turns a FAILED or CAUGHT_ERROR result into RETRIABLE when {@code tested}'s Retry has attempts
     * left after {@code retriesSoFar} retries, and adds the inspection error details.
     */
    static TestStateResult classify(TestStateResult ran, State tested, int retriesSoFar) {
        if (ran.error().isEmpty()) {
            return ran;
        }
        String error = ran.error().get();
        boolean task = tested instanceof State.Task;
        List<Retrier> retriers = tested.common().retry();
        for (int i = 0; i < retriers.size(); i++) {
            Retrier r = retriers.get(i);
            if (!ErrorMatcher.matches(r.errorEquals(), error, task)) {
                continue;
            }
            // As at run time, only the first retrier that matches counts; once it is exhausted the
            // error goes to Catch (ASL spec "Retrying after error").
            if (retriesSoFar < r.maxAttempts()) {
                // AWS answers RETRIABLE with the error and cause only: no output, no nextState
                // (LocalStack's AWS-recorded test_state_configuration snapshots).
                return new TestStateResult(
                        "RETRIABLE",
                        Optional.empty(),
                        ran.error(),
                        ran.cause(),
                        Optional.empty(),
                        ran.input(),
                        Optional.of(TestStateErrorDetails.retried(i, backoff(r, retriesSoFar))));
            }
            break;
        }
        if (ran.status().equals("CAUGHT_ERROR")) {
            List<Catcher> catchers = tested.common().catchers();
            for (int i = 0; i < catchers.size(); i++) {
                if (ErrorMatcher.matches(catchers.get(i).errorEquals(), error, task)) {
                    return withDetails(ran, TestStateErrorDetails.caught(i));
                }
            }
        }
        return ran;
    }

    /**
     * IntervalSeconds × BackoffRate^retries, capped by MaxDelaySeconds, in whole seconds (the
     * member is an integer; the developer guide's example: 2 × 2.0^1 = 4). Jitter is not applied:
     * the reported interval is the ceiling the jitter draws below.
     */
    private static int backoff(Retrier r, int retriesSoFar) {
        double delay = r.intervalSeconds() * Math.pow(r.backoffRate(), retriesSoFar);
        if (r.maxDelaySeconds() != null) {
            delay = Math.min(delay, r.maxDelaySeconds());
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.round(delay));
    }

    private static TestStateResult withDetails(TestStateResult r, TestStateErrorDetails details) {
        return new TestStateResult(
                r.status(),
                r.output(),
                r.error(),
                r.cause(),
                r.nextState(),
                r.input(),
                Optional.of(details));
    }
}
