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
        // States.ALL and States.TaskFailed never match these terminal errors.
        if (error.equals(StatesErrors.RUNTIME) || error.equals(StatesErrors.DATA_LIMIT_EXCEEDED)) {
            return false;
        }
        if (errorEquals.contains(StatesErrors.ALL)) {
            return true;
        }
        return taskState
                && errorEquals.contains(StatesErrors.TASK_FAILED)
                && !error.equals(StatesErrors.TIMEOUT)
                && !error.equals(StatesErrors.HEARTBEAT_TIMEOUT);
    }
}
