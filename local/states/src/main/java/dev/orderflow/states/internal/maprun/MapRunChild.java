package dev.orderflow.states.internal.maprun;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One child execution of a Map Run: its name, ARN, input and, once started, how it went and its
 * history.
 */
final class MapRunChild {
    private final String name;
    private final String arn;
    private final String input;
    private final long items;
    private Instant startDate;
    private Instant stopDate;
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private String output;
    private String error;
    private String cause;
    private int redriveCount;
    private Instant redriveDate;
    private Supplier<List<HistoryEvent>> history;

    MapRunChild(String name, String arn, String input, long items) {
        this.name = name;
        this.arn = arn;
        this.input = input;
        this.items = items;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    long items() {
        return items;
    }

    boolean started() {
        return startDate != null;
    }

    ExecutionStatus status() {
        return status;
    }

    /** Started, or started again by a redrive of its Map Run (a redrive of the child). */
    void started(Instant at, Supplier<List<HistoryEvent>> events) {
        history = events;
        if (startDate == null) {
            startDate = at;
        } else {
            redriveCount++;
            redriveDate = at;
        }
        status = ExecutionStatus.RUNNING;
        stopDate = null;
        output = null;
        error = null;
        cause = null;
    }

    void ended(ExecutionStatus s, String out, String err, String why, Instant at) {
        status = s;
        output = out;
        error = err;
        cause = why;
        stopDate = at;
    }

    List<HistoryEvent> history() {
        return history.get();
    }

    ExecutionDescription describe(String stateMachineArn) {
        return new ExecutionDescription(
                arn,
                stateMachineArn,
                name,
                status,
                startDate,
                Optional.ofNullable(stopDate),
                input,
                Optional.ofNullable(output),
                Optional.ofNullable(error),
                Optional.ofNullable(cause),
                redriveCount,
                "NOT_REDRIVABLE",
                Optional.ofNullable(redriveDate),
                Optional.empty(),
                Optional.empty());
    }
}
