package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.internal.json.Json;
import java.time.Instant;
import java.util.List;

/**
 * One child execution of a DISTRIBUTED Map: who it is and its history (AWS docs "Distributed mode":
 * each child workflow execution has its own execution history, separate from the parent's): {@code
 * ExecutionStarted} with the item as input, the events of its states, and the event that closed it.
 * Its states see it, not the parent, in the context object and as the {@code executionArn} of their
 * tasks. Kept as compactly as an execution's own {@link HistoryLog} and not journaled (Map Runs are
 * not). Written on the parent's mailbox, read by API threads (the log is thread-safe).
 */
public final class ChildExecutionHistory {
    private final HistoryLog log = new HistoryLog(null);
    private final JsonNode input;
    private final String roleArn;
    private final Identity identity;
    private Instant startDate;
    private int redriveCount;

    /**
     * Who a child execution is: its ARN and name, and its state machine's ARN and name ({@code
     * ...:stateMachine:<machine>/<label>}, named {@code <machine>/<label>}).
     */
    public record Identity(String arn, String name, String stateMachineArn) {
        /** The part of the state machine ARN after {@code :stateMachine:}. */
        String stateMachineName() {
            return stateMachineArn.substring(
                    stateMachineArn.indexOf(":stateMachine:") + ":stateMachine:".length());
        }
    }

    ChildExecutionHistory(JsonNode input, String roleArn, Identity identity) {
        this.input = input;
        this.roleArn = roleArn;
        this.identity = identity;
    }

    Identity identity() {
        return identity;
    }

    JsonNode input() {
        return input;
    }

    String roleArn() {
        return roleArn;
    }

    /** When it first started (a redrive keeps it, as for any execution). */
    Instant startDate() {
        return startDate;
    }

    int redriveCount() {
        return redriveCount;
    }

    /** The events so far, oldest first (GetExecutionHistory of the child's ARN). */
    public List<HistoryEvent> events() {
        return log.snapshot();
    }

    HistoryLog log() {
        return log;
    }

    /** Records {@code ExecutionStarted}; returns its id. */
    long started(Instant at) {
        startDate = at;
        return log.add(
                at,
                "ExecutionStarted",
                0,
                "executionStartedEventDetails",
                new EventDetails.StartedWith(input, roleArn));
    }

    /** Records {@code ExecutionRedriven} (its Map Run was redriven); returns its id. */
    long redriven(Instant at) {
        redriveCount++;
        ObjectNode d = Json.object();
        d.put("redriveCount", redriveCount);
        return log.add(at, "ExecutionRedriven", log.lastId(), "executionRedrivenEventDetails", d);
    }

    /** Records {@code ExecutionSucceeded} or {@code ExecutionFailed}, after the last event. */
    void ended(Instant at, BranchOutcome outcome) {
        if (outcome.failed()) {
            log.add(
                    at,
                    "ExecutionFailed",
                    log.lastId(),
                    "executionFailedEventDetails",
                    EventDetails.errorCause(outcome.error(), outcome.cause()));
        } else {
            log.add(
                    at,
                    "ExecutionSucceeded",
                    log.lastId(),
                    "executionSucceededEventDetails",
                    new EventDetails.Succeeded(outcome.output()));
        }
    }

    /**
     * Records {@code ExecutionAborted}: the parent was stopped or timed out, or its Map Run failed
     * or was cut short.
     */
    void aborted(Instant at) {
        log.add(
                at,
                "ExecutionAborted",
                log.lastId(),
                "executionAbortedEventDetails",
                EventDetails.errorCause(null, null));
    }
}
