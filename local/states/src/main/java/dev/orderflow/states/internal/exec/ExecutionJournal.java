package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.api.ActivityDescription;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineVersion;
import dev.orderflow.states.spi.TaskOutcome;
import java.time.Instant;
import java.util.Map;

/**
 * What the engine writes down so that state machines and executions survive a restart. Only the top
 * level of an execution is checkpointed: the state it last entered, with that state's input and the
 * variables, and what that state is waiting for (a task token, a Wait deadline, a retry). {@link
 * #NONE} keeps nothing.
 */
public interface ExecutionJournal {
    /** A journal that keeps nothing (in-memory engine). */
    ExecutionJournal NONE = new ExecutionJournal() {};

    /** True when something is written (callers skip building records otherwise). */
    default boolean enabled() {
        return false;
    }

    /** A state machine was created or updated. */
    default void machineSaved(StateMachineDescription machine) {}

    /** A state machine was deleted. */
    default void machineDeleted(String arn) {}

    /** An activity was created. */
    default void activitySaved(ActivityDescription activity) {}

    /** An activity was deleted. */
    default void activityDeleted(String arn) {}

    /** A state machine version was published. */
    default void versionPublished(StateMachineVersion version) {}

    /** A state machine version was deleted. */
    default void versionDeleted(String arn) {}

    /** An alias was created or updated. */
    default void aliasSaved(StateMachineAlias alias) {}

    /** An alias was deleted. */
    default void aliasDeleted(String arn) {}

    /** An execution was accepted; written before StartExecution answers. */
    default void started(ExecutionRun run, String definition) {}

    /** A history event was added. */
    default void event(String executionArn, HistoryEvent event) {}

    /** The execution entered a top-level state. */
    default void entered(
            String executionArn,
            String state,
            JsonNode input,
            Map<String, JsonNode> variables,
            Instant at,
            long eventId) {}

    /** The current top-level task waits for {@code token} since {@code at}. */
    default void parked(String executionArn, String token, Instant at) {}

    /** A heartbeat arrived for the current top-level task. */
    default void heartbeat(String executionArn, Instant at) {}

    /** The current top-level Wait state ends at {@code deadline}. */
    default void waiting(String executionArn, Instant deadline) {}

    /** The current top-level state retries at {@code due}, with these retrier counts. */
    default void retrying(String executionArn, int[] counts, int retryCount, Instant due) {}

    /** SendTaskSuccess/Failure for {@code token}; written before the call answers. */
    default void taskResult(String executionArn, String token, TaskOutcome outcome) {}

    /** The execution ended (its status, output, error are final until a redrive). */
    default void ended(ExecutionRun run) {}

    /** The execution was redriven. */
    default void redriven(ExecutionRun run) {}

    /** Flushes and closes. */
    default void close() {}
}
