package dev.orderflow.states.internal.exec;

import dev.orderflow.states.internal.json.StatesErrors;
import java.util.List;

/** ErrorEquals matching (ASL spec "Error names"; AWS docs "Handling errors"). */
final class ErrorMatcher {
    private ErrorMatcher() {}

    static boolean matches(List<String> errorEquals, String error, boolean taskState) {
        if (error == null) {
            return errorEquals.contains(StatesErrors.ALL);
        }
        if (errorEquals.contains(error)) {
            return true;
        }
        // States.Timeout predates States.HeartbeatTimeout and still matches heartbeat timeouts
        // (AWS docs "Handling errors": States.Timeout covers a missed heartbeat too).
        if (error.equals(StatesErrors.HEARTBEAT_TIMEOUT)
                && errorEquals.contains(StatesErrors.TIMEOUT)) {
            return true;
        }
        // States.ALL never matches States.Runtime (AWS docs "Handling errors").
        if (error.equals(StatesErrors.RUNTIME)) {
            return false;
        }
        // The docs call States.DataLimitExceeded terminal too, but recorded AWS executions show
        // a Catch on States.ALL catching a task result over the limit (LocalStack
        // test_states_errors snapshots); States.TaskFailed is not known to, so it does not.
        if (errorEquals.contains(StatesErrors.ALL)) {
            return true;
        }
        return taskState
                && errorEquals.contains(StatesErrors.TASK_FAILED)
                && !error.equals(StatesErrors.DATA_LIMIT_EXCEEDED)
                && !error.equals(StatesErrors.TIMEOUT)
                && !error.equals(StatesErrors.HEARTBEAT_TIMEOUT);
    }
}
