package dev.orderflow.states.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.spi.TaskOutcome;
import java.util.Optional;
import java.util.function.Predicate;

/** SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat with AWS's error names. */
public final class TaskCallbacks {
    private final TaskTokens tokens;
    private final Predicate<String> executionExists;
    private final ExecutionJournal journal;

    /** Creates the callbacks over {@code tokens}; results are journaled before they are applied. */
    public TaskCallbacks(
            TaskTokens tokens, Predicate<String> executionExists, ExecutionJournal journal) {
        this.tokens = tokens;
        this.executionExists = executionExists;
        this.journal = journal;
    }

    /**
     * Applies a result read back from the journal, if {@code token} is open (call on the
     * execution's mailbox, after the task was resumed).
     */
    public void deliver(String token, TaskOutcome outcome) {
        tokens.take(token).ifPresent(p -> p.onResult().accept(outcome));
    }

    /**
     * Completes the task waiting on {@code token} with {@code output} (SendTaskSuccess).
     *
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
        TaskOutcome outcome = TaskOutcome.success(parsed);
        journal.taskResult(p.execution().executionArn(), token, outcome);
        p.execution().post(() -> p.onResult().accept(outcome));
    }

    /**
     * Fails the task waiting on {@code token} with the error and cause (SendTaskFailure).
     *
     * @throws StepFunctionsException InvalidToken, TaskDoesNotExist, TaskTimedOut
     */
    public void failure(String token, Optional<String> error, Optional<String> cause) {
        TaskTokens.Pending p = pending(token, true);
        TaskOutcome outcome = TaskOutcome.failure(error.orElse(""), cause.orElse(""));
        journal.taskResult(p.execution().executionArn(), token, outcome);
        p.execution().post(() -> p.onResult().accept(outcome));
    }

    /**
     * Records a heartbeat of the task waiting on {@code token} (SendTaskHeartbeat).
     *
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
