package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.spi.TaskOutcome;
import java.util.Optional;
import java.util.function.Predicate;

/** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat with AWS's error names. */
public final class TaskCallbacks {
    private final TaskTokens tokens;
    private final Predicate<String> executionExists;

    /** Creates the callbacks over {@code tokens}. */
    public TaskCallbacks(TaskTokens tokens, Predicate<String> executionExists) {
        this.tokens = tokens;
        this.executionExists = executionExists;
    }

    /**
     * @throws StepFunctionsException InvalidOutput, InvalidToken, TaskDoesNotExist, TaskTimedOut
     */
    public void success(String token, String output) {
        JsonNode parsed;
        try {
            parsed = Json.parse(output);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
        }
        TaskTokens.Pending p = pending(token, true);
        p.execution().post(() -> p.onResult().accept(TaskOutcome.success(parsed)));
    }

    /**
     * @throws StepFunctionsException InvalidToken, TaskDoesNotExist, TaskTimedOut
     */
    public void failure(String token, Optional<String> error, Optional<String> cause) {
        TaskTokens.Pending p = pending(token, true);
        TaskOutcome outcome = TaskOutcome.failure(error.orElse(""), cause.orElse(""));
        p.execution().post(() -> p.onResult().accept(outcome));
    }

    /**
     * @throws StepFunctionsException InvalidToken, TaskDoesNotExist, TaskTimedOut
     */
    public void heartbeat(String token) {
        pending(token, false).onHeartbeat().run();
    }

    private TaskTokens.Pending pending(String token, boolean take) {
        Optional<TaskTokens.Pending> p = take ? tokens.take(token) : tokens.peek(token);
        if (p.isPresent()) {
            return p.get();
        }
        Optional<String> exec = TaskTokens.executionOf(token == null ? "" : token);
        if (exec.isEmpty()) {
            throw new StepFunctionsException("InvalidToken", "Invalid Token: '" + token + "'");
        }
        if (executionExists.test(exec.get())) {
            throw new StepFunctionsException(
                    "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        throw new StepFunctionsException(
                "TaskDoesNotExist", "Task Does Not Exist: '" + token + "'");
    }
}
