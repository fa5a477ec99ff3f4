package dev.orderflow.states;

import dev.orderflow.states.api.ExecutionDescription;
import dev.orderflow.states.api.ExecutionStatus;
import dev.orderflow.states.api.HistoryEvent;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.api.TestStateResult;
import dev.orderflow.states.api.ValidationResult;
import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.internal.activities.ActivityRegistry;
import dev.orderflow.states.internal.engine.DaemonThreads;
import dev.orderflow.states.internal.engine.DefinitionSize;
import dev.orderflow.states.internal.engine.DefinitionValidation;
import dev.orderflow.states.internal.engine.ExecutionControl;
import dev.orderflow.states.internal.engine.ExecutionStarter;
import dev.orderflow.states.internal.engine.ExecutionStore;
import dev.orderflow.states.internal.engine.JournalRestore;
import dev.orderflow.states.internal.engine.MachineAliases;
import dev.orderflow.states.internal.engine.MachineRegistry;
import dev.orderflow.states.internal.engine.MachineVersions;
import dev.orderflow.states.internal.engine.StartRequest;
import dev.orderflow.states.internal.eval.StateEvaluators;
import dev.orderflow.states.internal.exec.Completions;
import dev.orderflow.states.internal.exec.EngineServices;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import dev.orderflow.states.internal.exec.TestStateMachine;
import dev.orderflow.states.internal.exec.TestStateRunner;
import dev.orderflow.states.internal.intrinsics.IntrinsicFunctions;
import dev.orderflow.states.internal.jsonata.JsonataEvaluator;
import dev.orderflow.states.internal.maprun.MapRunRegistry;
import dev.orderflow.states.internal.mock.MockConfig;
import dev.orderflow.states.internal.persist.FileExecutionJournal;
import dev.orderflow.states.internal.persist.JournalReplay;
import dev.orderflow.states.internal.tasks.MockResponder;
import dev.orderflow.states.internal.tasks.TaskCallbacks;
import dev.orderflow.states.internal.tasks.TaskDispatcher;
import dev.orderflow.states.internal.tasks.TaskTokens;
import dev.orderflow.states.internal.templates.PayloadTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-process Step Functions service: state machines, executions, task tokens and validation,
 * with the semantics (and exception names) of the AWS API. Thread-safe. {@link StepFunctionsServer}
 * puts the AWS JSON protocol in front of it.
 *
 * <p>A facade: the state machines live in a {@link MachineRegistry}, executions in an {@link
 * ExecutionStore}; an {@link ExecutionStarter} validates and starts them, an {@link
 * ExecutionControl} describes, awaits, stops and redrives them, and a {@link JournalRestore} puts
 * back what a data directory holds.
 */
public final class StepFunctionsEngine implements AutoCloseable {
    private final EngineServices services;
    private final TaskCallbacks callbacks;
    private final ExecutorService workers;
    private final ExecutorService taskCalls;
    private final ExecutionJournal journal;
    private final MachineRegistry machines;
    private final ExecutionStore executions = new ExecutionStore();
    private final ExecutionStarter starter;
    private final JournalRestore restore;
    private final ExecutionControl control;
    private final Activities activities;
    private final StateMachineVersioning versioning;
    private final MapRuns mapRuns;

    StepFunctionsEngine(StepFunctionsEngineBuilder b) {
        Random random = b.seed == null ? new Random() : new Random(b.seed);
        TaskTokens tokens = new TaskTokens(random);
        JournalReplay replay = b.dataDir == null ? null : JournalReplay.read(b.dataDir);
        if (replay != null) {
            FileExecutionJournal.compact(b.dataDir, replay);
        }
        this.journal =
                b.dataDir == null ? ExecutionJournal.NONE : new FileExecutionJournal(b.dataDir);
        this.callbacks = new TaskCallbacks(tokens, executions::contains, journal);
        MockConfig mockConfig = b.mockConfig == null ? null : MockConfig.load(b.mockConfig);
        this.workers =
                Executors.newFixedThreadPool(
                        b.workerThreads, DaemonThreads.named("states-worker-"));
        // Task integrations that block get threads of their own, so the workers only ever run
        // state transitions and a slow task cannot delay another execution's timers or steps.
        this.taskCalls = Executors.newCachedThreadPool(DaemonThreads.named("states-task-"));
        IntrinsicFunctions intrinsics = new IntrinsicFunctions(random);
        MockResponder mocks = mockConfig == null ? MockResponder.none() : mockConfig;
        ActivityRegistry activityRegistry =
                new ActivityRegistry(b.clock, b.region, b.account, journal);
        if (replay != null) {
            replay.activities().forEach(activityRegistry::restore);
        }
        this.activities = new Activities(activityRegistry, b.clock, b.activityPollTimeout);
        MapRunRegistry mapRunRegistry = new MapRunRegistry();
        this.mapRuns = new MapRuns(mapRunRegistry, executions);
        ExecutionStarter[] started = new ExecutionStarter[1];
        TaskDispatcher dispatcher =
                new TaskDispatcher(
                        b.invoker,
                        taskCalls,
                        tokens,
                        mocks,
                        (sm, name, input) -> started[0].startChild(sm, name, input),
                        activityRegistry);
        this.services =
                new EngineServices(
                        b.clock,
                        random,
                        intrinsics,
                        new PayloadTemplate(intrinsics),
                        new JsonataEvaluator(random),
                        dispatcher,
                        new StateEvaluators(),
                        workers,
                        b.region,
                        b.account,
                        journal,
                        mapRunRegistry);
        this.machines = new MachineRegistry(b.clock, b.region, b.account, journal);
        MachineAliases aliases =
                new MachineAliases(
                        new MachineVersions(machines, b.clock, journal), b.clock, random, journal);
        this.versioning = new StateMachineVersioning(aliases);
        this.starter = new ExecutionStarter(services, machines, aliases, executions, mockConfig);
        this.control = new ExecutionControl(executions, machines, services.clock());
        started[0] = starter;
        this.restore =
                replay == null
                        ? new JournalRestore()
                        : new JournalRestore(replay, services, machines, executions, callbacks);
        if (replay != null) {
            versioning.restore(replay.versions(), replay.deletedVersions(), replay.aliases());
        }
    }

    /**
     * Continues the RUNNING executions read from the data directory (each from the top-level state
     * it was in). Does nothing the second time, or without a data directory.
     */
    public void resumeExecutions() {
        restore.resumeAll();
    }

    /** A builder with real time, no integrations and region us-east-1. */
    public static StepFunctionsEngineBuilder builder() {
        return new StepFunctionsEngineBuilder();
    }

    /**
     * Validates a definition the way ValidateStateMachineDefinition does.
     *
     * @throws StepFunctionsException ValidationException (definition over 1,048,576 characters)
     */
    public ValidationResult validate(String definition) {
        return DefinitionValidation.validate(definition);
    }

    /**
     * Creates a state machine.
     *
     * @throws StepFunctionsException ValidationException (definition over 1,048,576 characters),
     *     InvalidName, InvalidArn, InvalidDefinition, StateMachineAlreadyExists
     */
    public StateMachineDescription createStateMachine(
            String name, String definition, String roleArn, StateMachineType type) {
        return machines.create(name, definition, roleArn, type);
    }

    /**
     * Replaces the definition and/or role of a state machine; running executions keep theirs.
     *
     * @throws StepFunctionsException ValidationException (definition over 1,048,576 characters),
     *     StateMachineDoesNotExist, InvalidDefinition, InvalidArn
     */
    public Instant updateStateMachine(
            String arn, Optional<String> definition, Optional<String> roleArn) {
        return machines.update(arn, definition, roleArn);
    }

    /** Describes a state machine. @throws StepFunctionsException StateMachineDoesNotExist */
    public StateMachineDescription describeStateMachine(String arn) {
        return machines.get(arn).description();
    }

    /**
     * The state machine an execution belongs to (DescribeStateMachineForExecution).
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, StateMachineDoesNotExist
     */
    public StateMachineDescription describeStateMachineForExecution(String executionArn) {
        return machines.get(executions.get(executionArn).stateMachineArn()).description();
    }

    /** All state machines, by name. */
    public List<StateMachineDescription> listStateMachines() {
        return machines.list();
    }

    /** Deletes a state machine; its executions stay describable. Idempotent. */
    public void deleteStateMachine(String arn) {
        machines.delete(arn);
        versioning.forget(arn);
    }

    /** Activities and GetActivityTask. */
    public Activities activities() {
        return activities;
    }

    /** The Map Runs of DISTRIBUTED Map states. */
    public MapRuns mapRuns() {
        return mapRuns;
    }

    /** State machine versions and aliases. */
    public StateMachineVersioning versioning() {
        return versioning;
    }

    /**
     * Starts an execution. {@code stateMachineArn} may carry a {@code #TestCase} suffix selecting a
     * mock-config test case. Same name and input while running returns the running execution.
     *
     * @throws StepFunctionsException StateMachineDoesNotExist, InvalidArn, InvalidName,
     *     InvalidExecutionInput, ExecutionAlreadyExists
     */
    public ExecutionDescription startExecution(
            String stateMachineArn, Optional<String> name, Optional<String> input) {
        return ExecutionControl.describe(
                starter.start(
                        new StartRequest(
                                stateMachineArn,
                                name,
                                input,
                                StartRequest.Origin.START_EXECUTION)));
    }

    /**
     * Runs an EXPRESS execution to completion and returns its result (StartSyncExecution). With a
     * {@link VirtualClock}, pending timers are fired until the execution ends.
     */
    public ExecutionDescription startSyncExecution(
            String stateMachineArn, Optional<String> name, Optional<String> input) {
        return ExecutionControl.describe(
                Completions.await(
                        starter.start(
                                new StartRequest(
                                        stateMachineArn,
                                        name,
                                        input,
                                        StartRequest.Origin.START_SYNC_EXECUTION))));
    }

    /**
     * Runs one state definition on {@code input} (TestState) as its first attempt.
     *
     * @throws StepFunctionsException ValidationException, InvalidDefinition, InvalidExecutionInput
     */
    public TestStateResult testState(String stateDefinition, String input) {
        return testState(stateDefinition, input, 0);
    }

    /**
     * Runs one state definition on {@code input} (TestState) once, without waiting out a Retry: an
     * error that a Retry matches with attempts left after {@code retrierRetryCount} retries (the
     * request's {@code stateConfiguration.retrierRetryCount}) is RETRIABLE, as AWS reports it.
     *
     * @throws StepFunctionsException ValidationException (definition too long, negative count),
     *     InvalidDefinition, InvalidExecutionInput
     */
    public TestStateResult testState(String stateDefinition, String input, int retrierRetryCount) {
        DefinitionSize.check(stateDefinition);
        if (retrierRetryCount < 0) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: Value '"
                            + retrierRetryCount
                            + "' at 'stateConfiguration.retrierRetryCount' failed to satisfy"
                            + " constraint: Member must have value greater than or equal to 0");
        }
        var tested =
                MachineRegistry.parse(TestStateMachine.wrap(stateDefinition, true))
                        .state(TestStateMachine.NAME);
        return TestStateRunner.run(
                services,
                MachineRegistry.parse(TestStateMachine.wrap(stateDefinition)),
                tested,
                input,
                retrierRetryCount);
    }

    /**
     * Describes an execution, or a DISTRIBUTED Map's child execution.
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, InvalidArn
     */
    public ExecutionDescription describeExecution(String executionArn) {
        return mapRuns.childExecution(executionArn)
                .map(MapRuns.ChildExecution::execution)
                .orElseGet(() -> control.describe(executionArn));
    }

    /**
     * Waits until the execution has ended or {@code timeout} has passed, then describes it. With a
     * {@link VirtualClock} nothing advances while waiting: advance the clock first.
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, InvalidArn
     */
    public ExecutionDescription awaitExecution(String executionArn, java.time.Duration timeout) {
        return control.await(executionArn, timeout);
    }

    /** Executions of a state machine, newest first, optionally filtered by status. */
    public List<ExecutionDescription> listExecutions(
            String stateMachineArn, Optional<ExecutionStatus> status) {
        return control.list(stateMachineArn, status);
    }

    /**
     * The history of an execution, or of a DISTRIBUTED Map's child execution, oldest first.
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, InvalidArn
     */
    public List<HistoryEvent> getExecutionHistory(String executionArn) {
        return mapRuns.childHistory(executionArn)
                .orElseGet(() -> executions.get(executionArn).history().snapshot());
    }

    /**
     * Stops a running execution (no effect on a finished one); returns the stop date.
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, InvalidArn; ValidationException for a
     *     DISTRIBUTED Map's child execution, which is stopped with its parent
     */
    public Instant stopExecution(
            String executionArn, Optional<String> error, Optional<String> cause) {
        mapRuns.refuseStopOfChild(executionArn);
        return control.stop(executionArn, error, cause);
    }

    /**
     * Redrives a FAILED, TIMED_OUT or ABORTED STANDARD execution from the state that failed.
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, ExecutionNotRedrivable (also for a
     *     DISTRIBUTED Map's child execution: the parent is redriven, API reference
     *     "RedriveExecution")
     */
    public Instant redriveExecution(String executionArn) {
        mapRuns.refuseRedriveOfChild(executionArn);
        return control.redrive(executionArn);
    }

    /**
     * Completes a {@code .waitForTaskToken} task. @throws StepFunctionsException InvalidToken,
     * TaskDoesNotExist, TaskTimedOut, InvalidOutput
     */
    public void sendTaskSuccess(String token, String output) {
        callbacks.success(token, output);
    }

    /** Fails a {@code .waitForTaskToken} task with {@code error}/{@code cause}. */
    public void sendTaskFailure(String token, Optional<String> error, Optional<String> cause) {
        callbacks.failure(token, error, cause);
    }

    /** Records a heartbeat for a {@code .waitForTaskToken} task. */
    public void sendTaskHeartbeat(String token) {
        callbacks.heartbeat(token);
    }

    /** The clock in use. */
    public StatesClock clock() {
        return services.clock();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        taskCalls.shutdownNow();
        journal.close();
    }
}
