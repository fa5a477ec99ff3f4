package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesErrors;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** One execution: its identity, status, history and the root branch. */
public final class ExecutionRun {
    private final EngineServices services;
    private final ExecutionIdentity identity;
    private final JsonNode input;
    private final String inputText;
    private final Instant startDate;
    private final StateMachineDef definition;
    private final Mailbox mailbox;
    private final HistoryLog history;
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile Instant stopDate;
    private volatile JsonNode output;
    private final OutputText outputText = new OutputText();
    private volatile String error;
    private volatile String cause;
    private BranchRun root;
    private volatile int redriveCount;
    private volatile Instant redriveDate;
    private StatesClock.Cancellable timeout;
    private final CompletionListeners listeners = new CompletionListeners();

    /**
     * Creates an execution that started at {@code startDate}: now for a new one, the journaled date
     * for one read back from a journal. {@code input} is {@code inputText} parsed. Call {@link
     * #start()} to run a new one.
     */
    public ExecutionRun(
            EngineServices services,
            ExecutionIdentity identity,
            String inputText,
            JsonNode input,
            StateMachineDef definition,
            Instant startDate) {
        this.services = services;
        this.identity = identity;
        this.inputText = inputText;
        this.input = input;
        this.startDate = startDate;
        ExecutionJournal journal = services.journal();
        String arn = identity.executionArn();
        this.history = new HistoryLog(journal.enabled() ? e -> journal.event(arn, e) : null);
        this.definition = definition;
        this.mailbox = new Mailbox(services.clock().runsInline() ? null : services.workers());
    }

    /** Starts running the definition. */
    public void start() {
        post(
                () -> {
                    long id =
                            record(
                                    "ExecutionStarted",
                                    0,
                                    "executionStartedEventDetails",
                                    new EventDetails.Started(
                                            inputText, identity.machine().roleArn()));
                    if (definition.timeoutSeconds() != null) {
                        timeout =
                                services.clock()
                                        .schedule(
                                                Duration.ofSeconds(definition.timeoutSeconds()),
                                                () -> post(this::timedOut));
                    }
                    root =
                            new BranchRun(
                                    this, definition, new VariableScope(null), -1, this::finished);
                    root.start(input, id);
                });
    }

    private void finished(BranchOutcome outcome) {
        if (status != ExecutionStatus.RUNNING) {
            return;
        }
        if (outcome.failed()) {
            end(
                    ExecutionStatus.FAILED,
                    null,
                    outcome.error(),
                    outcome.cause(),
                    EventDetails.errorCause(outcome.error(), outcome.cause()));
        } else if (Json.exceeds(outcome.output(), Quotas.PAYLOAD_BYTES)) {
            finished(
                    BranchOutcome.failure(
                            StatesErrors.DATA_LIMIT_EXCEEDED,
                            "The state/task returned a result with a size exceeding the maximum number of bytes service limit."));
        } else {
            JsonNode out = outcome.output();
            end(ExecutionStatus.SUCCEEDED, out, null, null, new EventDetails.Succeeded(out));
        }
    }

    private void timedOut() {
        if (status != ExecutionStatus.RUNNING) {
            return;
        }
        root.abort();
        // Recorded on AWS (floci-io/floci#2733, a Wait cut by the machine's TimeoutSeconds):
        // DescribeExecution has no error or cause (also LocalStack test_timeouts
        // "test_global_timeout"), and the ExecutionTimedOut event carries error States.Timeout,
        // no cause, and previousEventId 0 rather than the last event's id.
        end(
                ExecutionStatus.TIMED_OUT,
                null,
                null,
                null,
                EventDetails.errorCause(StatesErrors.TIMEOUT, null));
    }

    /** Stops the execution (StopExecution); no effect once it has ended. */
    public void stop(String stopError, String stopCause) {
        post(
                () -> {
                    if (status != ExecutionStatus.RUNNING) {
                        return;
                    }
                    if (root != null) {
                        // The states in flight are recorded aborted, then ExecutionAborted
                        // follows the last of them (StateRun#cut).
                        root.cut(history.lastId(), null);
                    }
                    end(
                            ExecutionStatus.ABORTED,
                            null,
                            stopError,
                            stopCause,
                            EventDetails.errorCause(stopError, stopCause));
                });
    }

    /** Records the closing event ({@code ExecutionSucceeded}, ...) and notifies the listeners. */
    private void end(ExecutionStatus s, JsonNode out, String err, String why, Object details) {
        String event =
                switch (s) {
                    case SUCCEEDED -> "ExecutionSucceeded";
                    case FAILED -> "ExecutionFailed";
                    case TIMED_OUT -> "ExecutionTimedOut";
                    case ABORTED -> "ExecutionAborted";
                    default -> throw new IllegalArgumentException(s.name());
                };
        String field = Character.toLowerCase(event.charAt(0)) + event.substring(1) + "EventDetails";
        stopDate = services.clock().now();
        output = out;
        error = err;
        cause = why;
        // AWS links ExecutionTimedOut to no earlier event (see timedOut()).
        record(event, s == ExecutionStatus.TIMED_OUT ? 0 : history.lastId(), field, details);
        status = s;
        services.journal().ended(this);
        if (timeout != null) {
            timeout.cancel();
        }
        listeners.fire(this);
    }

    /** True for a STANDARD execution that ended FAILED, TIMED_OUT or ABORTED inside a state. */
    public boolean redrivable() {
        ExecutionStatus s = status;
        return identity.machine().type() == StateMachineType.STANDARD
                && (s == ExecutionStatus.FAILED
                        || s == ExecutionStatus.TIMED_OUT
                        || s == ExecutionStatus.ABORTED)
                && root != null
                && root.failedState() != null;
    }

    /**
     * Restarts the execution at the top-level state that failed, with the input and variables it
     * had (AWS docs "Redriving executions"). A failed INLINE Map or Parallel keeps the results of
     * its successful iterations/branches and redrives the others, each from the state it failed in
     * (API reference "RedriveExecution"); after a restart the state re-runs as a whole.
     */
    // redriveCount++ is safe: only this execution's mailbox thread writes it (restore runs first)
    @SuppressWarnings("NonAtomicVolatileUpdate")
    public void redrive() {
        post(
                () -> {
                    if (!redrivable()) {
                        return;
                    }
                    BranchRun failed = root;
                    redriveCount++;
                    redriveDate = services.clock().now();
                    stopDate = null;
                    output = null;
                    error = null;
                    cause = null;
                    status = ExecutionStatus.RUNNING;
                    services.journal().redriven(this);
                    ObjectNode d = Json.object();
                    d.put("redriveCount", redriveCount);
                    long id =
                            record(
                                    "ExecutionRedriven",
                                    history.lastId(),
                                    "executionRedrivenEventDetails",
                                    d);
                    root = new BranchRun(this, definition, failed.variables(), -1, this::finished);
                    root.startAt(
                            failed.failedState(), failed.failedInput(), id, failed.failedRun());
                });
    }

    /**
     * Puts back what a journal recorded: the history, the status and result, the redrive count; a
     * FAILED/TIMED_OUT/ABORTED execution that had entered a state stays redrivable from it.
     */
    public void restore(
            List<HistoryEvent> events,
            ExecutionStatus restoredStatus,
            Instant restoredStop,
            JsonNode restoredOutput,
            String restoredError,
            String restoredCause,
            int restoredRedriveCount,
            Instant restoredRedriveDate,
            ResumePoint point) {
        history.restore(events);
        status = restoredStatus;
        stopDate = restoredStop;
        output = restoredOutput;
        error = restoredError;
        cause = restoredCause;
        redriveCount = restoredRedriveCount;
        redriveDate = restoredRedriveDate;
        if (restoredStatus != ExecutionStatus.RUNNING && point.state() != null) {
            root =
                    BranchRun.failedAt(
                            this, definition, variables(point), point.state(), point.input());
        }
    }

    /**
     * Continues a restored RUNNING execution at {@code point}: the top-level state is entered again
     * with its input and variables (a task parked on a token waits for the same token; Wait, retry
     * and timeout timers keep their deadlines). Work a crash interrupted inside that state runs
     * again.
     */
    public void resume(ResumePoint point) {
        post(
                () -> {
                    if (definition.timeoutSeconds() != null) {
                        Duration left =
                                Duration.between(
                                        services.clock().now(),
                                        startDate.plusSeconds(definition.timeoutSeconds()));
                        timeout =
                                services.clock()
                                        .schedule(
                                                left.isNegative() ? Duration.ZERO : left,
                                                () -> post(this::timedOut));
                    }
                    root = new BranchRun(this, definition, variables(point), -1, this::finished);
                    if (point.state() == null) {
                        root.start(input, history.lastId());
                    } else {
                        root.resumeAt(point, history.lastId());
                    }
                });
    }

    private static VariableScope variables(ResumePoint point) {
        VariableScope scope = new VariableScope(null);
        scope.assignAll(point.variables());
        return scope;
    }

    BranchRun rootBranch() {
        return root;
    }

    /** How many times the execution was redriven. */
    public int redriveCount() {
        return redriveCount;
    }

    /** When it was last redriven, or null. */
    public Instant redriveDate() {
        return redriveDate;
    }

    /** Calls {@code listener} once the execution has ended (immediately if it already has). */
    public void onCompletion(Consumer<ExecutionRun> listener) {
        listeners.add(this, () -> status == ExecutionStatus.RUNNING, listener);
    }

    /**
     * For a thread about to wait for this execution: runs its work now if no worker has picked it
     * up yet (see {@link Mailbox#help()}).
     */
    public void help() {
        mailbox.help();
    }

    /** Runs {@code task} on this execution's serial mailbox. */
    public void post(Runnable task) {
        mailbox.post(task);
    }

    long record(String type, long previous, String field, Object details) {
        return history.add(services.clock().now(), type, previous, field, details);
    }

    /** The services. */
    public EngineServices services() {
        return services;
    }

    /** The execution's ARN, name, state machine and mock test case. */
    public ExecutionIdentity identity() {
        return identity;
    }

    /** The execution ARN. */
    public String executionArn() {
        return identity.executionArn();
    }

    /** The execution name. */
    public String name() {
        return identity.name();
    }

    /** The state machine ARN. */
    public String stateMachineArn() {
        return identity.machine().arn();
    }

    /** The input document. */
    public JsonNode input() {
        return input;
    }

    /** The input text as given. */
    public String inputText() {
        return inputText;
    }

    /** When the execution started. */
    public Instant startDate() {
        return startDate;
    }

    /** When it ended, or null. */
    public Instant stopDate() {
        return stopDate;
    }

    /** Current status. */
    public ExecutionStatus status() {
        return status;
    }

    /** The output as compact JSON when SUCCEEDED (written once), else null. */
    public String outputText() {
        JsonNode out = output;
        return out == null ? null : outputText.of(out);
    }

    /** The output when SUCCEEDED, else null. */
    public JsonNode output() {
        return output;
    }

    /** The error when FAILED/TIMED_OUT/ABORTED, else null. */
    public String error() {
        return error;
    }

    /** The cause, or null. */
    public String cause() {
        return cause;
    }

    /** The history. */
    public HistoryLog history() {
        return history;
    }
}
