package dev.orderflow.states.internal.maprun;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.MapRunCounts;
import dev.orderflow.states.api.MapRunDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One Map Run (AWS docs "Examining Map Runs"): its configuration, which UpdateMapRun may change
 * while it runs, and its child executions, one per item or batch. Written on the parent execution's
 * mailbox, read by API threads: every method is synchronized.
 */
public final class MapRun {
    /** Map Run statuses (AWS API reference: MapRunStatus). */
    public enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED,
        ABORTED
    }

    private final String arn;
    private final String executionArn;
    private final String stateMachineArn;
    private final Instant startDate;
    private final List<MapRunChild> children;
    private Instant stopDate;
    private Status status = Status.RUNNING;
    private int maxConcurrency;
    private long toleratedFailureCount;
    private double toleratedFailurePercentage;
    private Runnable onUpdate = () -> {};
    private int redriveCount;
    private Instant redriveDate;

    MapRun(
            String arn,
            String executionArn,
            String stateMachineArn,
            Instant startDate,
            List<MapRunChild> children,
            MapRunLimits limits) {
        this.arn = arn;
        this.executionArn = executionArn;
        this.stateMachineArn = stateMachineArn;
        this.startDate = startDate;
        this.children = List.copyOf(children);
        this.maxConcurrency = limits.maxConcurrency();
        this.toleratedFailureCount = limits.toleratedFailureCount();
        this.toleratedFailurePercentage = limits.toleratedFailurePercentage();
    }

    /** The Map Run's ARN. */
    public String arn() {
        return arn;
    }

    /** The child state machine: {@code ...:stateMachine:<machine>/<label>}. */
    public String stateMachineArn() {
        return stateMachineArn;
    }

    /** The ARN of the child execution of item (or batch) {@code index}. */
    public String childArn(int index) {
        return children.get(index).arn();
    }

    /** The name of the child execution of item (or batch) {@code index}. */
    public String childName(int index) {
        return children.get(index).name();
    }

    /** The execution that started it. */
    public String executionArn() {
        return executionArn;
    }

    /** The limits in force now (UpdateMapRun changes them). */
    public synchronized MapRunLimits limits() {
        return new MapRunLimits(maxConcurrency, toleratedFailureCount, toleratedFailurePercentage);
    }

    /** Runs {@code action} after each UpdateMapRun (the evaluator launches more children). */
    public synchronized void onUpdate(Runnable action) {
        this.onUpdate = action;
    }

    /**
     * The child execution of item (or batch) {@code index} has started (again, on a redrive);
     * {@code history} reads its history.
     */
    public synchronized void childStarted(
            int index, Instant at, Supplier<List<HistoryEvent>> history) {
        children.get(index).started(at, history);
    }

    /** The child execution of item (or batch) {@code index} has ended. */
    public synchronized void childEnded(
            int index, ExecutionStatus s, String output, String error, String cause, Instant at) {
        children.get(index).ended(s, output, error, cause, at);
    }

    /** Ends the Map Run unless it has ended; running children end as ABORTED. */
    public synchronized void end(Status s, Instant at) {
        if (status != Status.RUNNING) {
            return;
        }
        status = s;
        stopDate = at;
        for (MapRunChild c : children) {
            if (c.status() == ExecutionStatus.RUNNING) {
                c.ended(ExecutionStatus.ABORTED, null, null, null, at);
            }
        }
    }

    /**
     * True when a redrive of the parent execution redrives this Map Run (AWS docs "Redriving Map
     * Runs"): it failed or was aborted, and the Map state has the same {@code children} as before.
     */
    public synchronized boolean redrivable(int children) {
        return (status == Status.FAILED || status == Status.ABORTED)
                && this.children.size() == children;
    }

    /**
     * Redrives the Map Run (RedriveExecution of its parent): RUNNING again, its unsuccessful
     * children to be started again by the Map state. Returns the redrive count, this one included.
     */
    public synchronized int redrive(Instant at) {
        status = Status.RUNNING;
        stopDate = null;
        redriveCount++;
        redriveDate = at;
        return redriveCount;
    }

    /** UpdateMapRun: null leaves a value as it is. */
    void update(Integer concurrency, Long failureCount, Double failurePercentage) {
        Runnable after;
        synchronized (this) {
            if (concurrency != null) {
                maxConcurrency = concurrency;
            }
            if (failureCount != null) {
                toleratedFailureCount = failureCount;
            }
            if (failurePercentage != null) {
                toleratedFailurePercentage = failurePercentage;
            }
            after = status == Status.RUNNING ? onUpdate : () -> {};
        }
        after.run();
    }

    /** DescribeMapRun. */
    public synchronized MapRunDescription describe() {
        return new MapRunDescription(
                arn,
                executionArn,
                stateMachineArn,
                status.name(),
                startDate,
                Optional.ofNullable(stopDate),
                maxConcurrency,
                Math.max(0, toleratedFailurePercentage),
                Math.max(0, toleratedFailureCount),
                counts(true),
                counts(false),
                redriveCount,
                Optional.ofNullable(redriveDate));
    }

    private MapRunCounts counts(boolean items) {
        Map<ExecutionStatus, Long> by = new EnumMap<>(ExecutionStatus.class);
        long pending = 0;
        long total = 0;
        for (MapRunChild c : children) {
            long n = items ? c.items() : 1;
            total += n;
            if (c.started()) {
                by.merge(c.status(), n, Long::sum);
            } else {
                pending += n;
            }
        }
        long succeeded = by.getOrDefault(ExecutionStatus.SUCCEEDED, 0L);
        return new MapRunCounts(
                pending,
                by.getOrDefault(ExecutionStatus.RUNNING, 0L),
                succeeded,
                by.getOrDefault(ExecutionStatus.FAILED, 0L),
                by.getOrDefault(ExecutionStatus.TIMED_OUT, 0L),
                by.getOrDefault(ExecutionStatus.ABORTED, 0L),
                total,
                succeeded);
    }

    /** The child executions started so far, newest first (ListExecutions with mapRunArn). */
    public synchronized List<ExecutionDescription> children() {
        List<ExecutionDescription> out = new ArrayList<>();
        for (MapRunChild c : children) {
            if (c.started()) {
                out.add(0, c.describe(stateMachineArn));
            }
        }
        return out;
    }

    /** The history of the started child execution with this ARN. */
    public synchronized Optional<List<HistoryEvent>> childHistory(String childArn) {
        return children.stream()
                .filter(c -> c.started() && c.arn().equals(childArn))
                .findFirst()
                .map(MapRunChild::history);
    }

    /** The started child execution with this ARN. */
    public synchronized Optional<ExecutionDescription> child(String childArn) {
        return children.stream()
                .filter(c -> c.started() && c.arn().equals(childArn))
                .findFirst()
                .map(c -> c.describe(stateMachineArn));
    }
}
