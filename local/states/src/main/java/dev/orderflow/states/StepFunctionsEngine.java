package dev.orderflow.states;

import dev.orderflow.states.internal.exec.Arns;
import dev.orderflow.states.internal.exec.Completions;
import dev.orderflow.states.internal.exec.EngineServices;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.exec.ResumePoint;
import dev.orderflow.states.internal.exec.TestStateMachine;
import dev.orderflow.states.internal.exec.TestStateRunner;
import dev.orderflow.states.internal.intrinsics.IntrinsicFunctions;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.jsonata.JsonataEvaluator;
import dev.orderflow.states.internal.mock.MockConfig;
import dev.orderflow.states.internal.model.StateMachineDef;
import dev.orderflow.states.internal.parse.DefinitionParser;
import dev.orderflow.states.internal.parse.ParseResult;
import dev.orderflow.states.internal.paths.PayloadTemplate;
import dev.orderflow.states.internal.persist.FileExecutionJournal;
import dev.orderflow.states.internal.persist.JournalReplay;
import dev.orderflow.states.internal.tasks.MockResponder;
import dev.orderflow.states.internal.tasks.TaskCallbacks;
import dev.orderflow.states.internal.tasks.TaskDispatcher;
import dev.orderflow.states.internal.tasks.TaskTokens;
import dev.orderflow.states.spi.TaskInvoker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process Step Functions service: state machines, executions, task tokens and validation,
 * with the semantics (and exception names) of the AWS API. Thread-safe. {@link StepFunctionsServer}
 * puts the AWS JSON protocol in front of it.
 */
public final class StepFunctionsEngine implements AutoCloseable {
    private record Machine(StateMachineDescription description, StateMachineDef definition) {}

    private final EngineServices services;
    private final TaskTokens tokens;
    private final TaskCallbacks callbacks;
    private final MockConfig mockConfig;
    private final ExecutorService workers;
    private final ExecutorService taskCalls;
    private final ExecutionJournal journal;
    private final List<Runnable> pendingResumes = new ArrayList<>();
    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final Map<String, ExecutionRun> executions = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedDeque<ExecutionRun>> byMachine =
            new ConcurrentHashMap<>();

    private StepFunctionsEngine(Builder b) {
        Random random = b.seed == null ? new Random() : new Random(b.seed);
        this.tokens = new TaskTokens(random);
        JournalReplay replay = b.dataDir == null ? null : JournalReplay.read(b.dataDir);
        if (replay != null) {
            FileExecutionJournal.compact(b.dataDir, replay);
        }
        this.journal =
                b.dataDir == null ? ExecutionJournal.NONE : new FileExecutionJournal(b.dataDir);
        this.callbacks = new TaskCallbacks(tokens, executions::containsKey, journal);
        this.mockConfig = b.mockConfig == null ? null : MockConfig.load(b.mockConfig);
        AtomicInteger n = new AtomicInteger();
        this.workers =
                Executors.newFixedThreadPool(
                        b.workerThreads,
                        r -> {
                            Thread t = new Thread(r, "states-worker-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        // Task integrations that block get threads of their own, so the workers only ever run
        // state transitions and a slow task cannot delay another execution's timers or steps.
        AtomicInteger calls = new AtomicInteger();
        this.taskCalls =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "states-task-" + calls.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        IntrinsicFunctions intrinsics = new IntrinsicFunctions(random);
        MockResponder mocks = mockConfig == null ? MockResponder.none() : mockConfig;
        TaskDispatcher dispatcher =
                new TaskDispatcher(b.invoker, taskCalls, tokens, mocks, this::startChild);
        this.services =
                new EngineServices(
                        b.clock,
                        random,
                        intrinsics,
                        new PayloadTemplate(intrinsics),
                        new JsonataEvaluator(random),
                        dispatcher,
                        workers,
                        b.region,
                        b.account,
                        journal);
        if (replay != null) {
            restore(replay);
        }
    }

    /**
     * Puts back the journaled state machines and executions. RUNNING executions continue when
     * {@link #resumeExecutions()} is called, once whatever their tasks call is up.
     */
    private void restore(JournalReplay replay) {
        for (StateMachineDescription d : replay.machines()) {
            machines.put(d.stateMachineArn(), new Machine(d, parse(d.definition())));
        }
        Map<String, StateMachineDef> definitions = new java.util.HashMap<>();
        for (JournalReplay.Execution e : replay.executions()) {
            StateMachineDef def = definitions.computeIfAbsent(e.definition(), this::parse);
            ExecutionRun run =
                    new ExecutionRun(
                            services,
                            e.arn(),
                            e.name(),
                            e.stateMachineArn(),
                            e.stateMachineName(),
                            e.roleArn(),
                            e.type(),
                            e.input(),
                            def,
                            e.testCase(),
                            e.startDate());
            ResumePoint point = e.resumePoint();
            run.restore(
                    e.history(),
                    e.status(),
                    e.stopDate(),
                    e.output(),
                    e.error(),
                    e.cause(),
                    e.redriveCount(),
                    e.redriveDate(),
                    point);
            executions.put(e.arn(), run);
            byMachine
                    .computeIfAbsent(e.stateMachineArn(), k -> new ConcurrentLinkedDeque<>())
                    .addFirst(run);
            if (e.status() == ExecutionStatus.RUNNING) {
                pendingResumes.add(
                        () -> {
                            run.resume(point);
                            for (JournalReplay.TaskResult r : e.taskResults()) {
                                if (r.token().equals(point.token())) {
                                    run.post(() -> callbacks.deliver(r.token(), r.outcome()));
                                }
                            }
                        });
            }
        }
    }

    /**
     * Continues the RUNNING executions read from the data directory (each from the top-level state
     * it was in). Does nothing the second time, or without a data directory.
     */
    public void resumeExecutions() {
        List<Runnable> resumes;
        synchronized (pendingResumes) {
            resumes = List.copyOf(pendingResumes);
            pendingResumes.clear();
        }
        resumes.forEach(Runnable::run);
    }

    /** A builder with real time, no integrations and region us-east-1. */
    public static Builder builder() {
        return new Builder();
    }

    /** Validates a definition the way ValidateStateMachineDefinition does. */
    public ValidationResult validate(String definition) {
        ParseResult r = DefinitionParser.parse(definition);
        return new ValidationResult(
                r.ok(),
                r.diagnostics().stream()
                        .map(
                                d ->
                                        new ValidationDiagnostic(
                                                d.severity(),
                                                d.code(),
                                                d.message(),
                                                Optional.ofNullable(d.location())))
                        .toList());
    }

    /**
     * Creates a state machine.
     *
     * @throws StepFunctionsException InvalidName, InvalidArn, InvalidDefinition,
     *     StateMachineAlreadyExists
     */
    public StateMachineDescription createStateMachine(
            String name, String definition, String roleArn, StateMachineType type) {
        Arns.checkName(name);
        Arns.checkRoleArn(roleArn);
        StateMachineDef def = parse(definition);
        if (type == StateMachineType.EXPRESS) {
            var problems = dev.orderflow.states.internal.parse.ExpressRules.check(def);
            if (!problems.isEmpty()) {
                throw new StepFunctionsException(
                        "InvalidDefinition",
                        new ParseResult(null, problems).invalidDefinitionMessage());
            }
        }
        String arn = Arns.stateMachine(services.region(), services.account(), name);
        Instant now = services.clock().now();
        StateMachineDescription d =
                new StateMachineDescription(arn, name, definition, roleArn, type, now, now);
        Machine existing = machines.putIfAbsent(arn, new Machine(d, def));
        if (existing == null) {
            journal.machineSaved(d);
        } else {
            if (existing.description().definition().equals(definition)
                    && existing.description().type() == type
                    && String.valueOf(existing.description().roleArn())
                            .equals(String.valueOf(roleArn))) {
                return existing.description();
            }
            throw new StepFunctionsException(
                    "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        return d;
    }

    /**
     * Replaces the definition and/or role of a state machine; running executions keep theirs.
     *
     * @throws StepFunctionsException StateMachineDoesNotExist, InvalidDefinition, InvalidArn
     */
    public Instant updateStateMachine(
            String arn, Optional<String> definition, Optional<String> roleArn) {
        Machine m = machine(arn);
        roleArn.ifPresent(Arns::checkRoleArn);
        String text = definition.orElse(m.description().definition());
        StateMachineDef def = definition.isPresent() ? parse(text) : m.definition();
        Instant now = services.clock().now();
        StateMachineDescription old = m.description();
        StateMachineDescription updated =
                new StateMachineDescription(
                        arn,
                        old.name(),
                        text,
                        roleArn.orElse(old.roleArn()),
                        old.type(),
                        old.creationDate(),
                        now);
        machines.put(arn, new Machine(updated, def));
        journal.machineSaved(updated);
        return now;
    }

    /** Describes a state machine. @throws StepFunctionsException StateMachineDoesNotExist */
    public StateMachineDescription describeStateMachine(String arn) {
        return machine(arn).description();
    }

    /**
     * The state machine an execution belongs to (DescribeStateMachineForExecution).
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, StateMachineDoesNotExist
     */
    public StateMachineDescription describeStateMachineForExecution(String executionArn) {
        return machine(execution(executionArn).stateMachineArn()).description();
    }

    /** All state machines, by name. */
    public List<StateMachineDescription> listStateMachines() {
        return machines.values().stream()
                .map(Machine::description)
                .sorted(Comparator.comparing(StateMachineDescription::name))
                .toList();
    }

    /** Deletes a state machine; its executions stay describable. Idempotent. */
    public void deleteStateMachine(String arn) {
        Arns.checkStateMachineArn(arn);
        if (machines.remove(arn) != null) {
            journal.machineDeleted(arn);
        }
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
        return describe(start(stateMachineArn, name, input, false, false));
    }

    /**
     * Runs an EXPRESS execution to completion and returns its result (StartSyncExecution). With a
     * {@link VirtualClock}, pending timers are fired until the execution ends.
     */
    public ExecutionDescription startSyncExecution(
            String stateMachineArn, Optional<String> name, Optional<String> input) {
        return describe(Completions.await(start(stateMachineArn, name, input, true, false)));
    }

    /**
     * Runs one state definition on {@code input} (TestState). Retry is not applied: a retriable
     * error is reported as FAILED.
     *
     * @throws StepFunctionsException InvalidDefinition, InvalidExecutionInput
     */
    public TestStateResult testState(String stateDefinition, String input) {
        return TestStateRunner.run(services, parse(TestStateMachine.wrap(stateDefinition)), input);
    }

    private ExecutionRun start(
            String smArn,
            Optional<String> name,
            Optional<String> input,
            boolean sync,
            boolean child) {
        String testCase = null;
        int hash = smArn == null ? -1 : smArn.indexOf('#');
        if (hash >= 0) {
            testCase = smArn.substring(hash + 1);
            smArn = smArn.substring(0, hash);
        }
        Machine m = machine(smArn);
        StateMachineType type = m.description().type();
        if (sync && type != StateMachineType.EXPRESS) {
            throw new StepFunctionsException(
                    "StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine");
        }
        String inputText = input.orElse("{}");
        try {
            Json.parse(inputText);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput",
                    "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
        if (inputText.length() > 256 * 1024) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput",
                    "Execution input exceeds the maximum size of 262144 bytes");
        }
        String execName = name.orElseGet(() -> UUID.randomUUID().toString());
        Arns.checkName(execName);
        if (testCase != null
                && mockConfig != null
                && !mockConfig.hasTestCase(m.description().name(), testCase)) {
            throw new StepFunctionsException(
                    "InvalidArn",
                    "Test case '"
                            + testCase
                            + "' is not defined for state machine "
                            + m.description().name()
                            + " in the mock configuration");
        }
        String execArn = Arns.execution(smArn, type, execName);
        if (type == StateMachineType.EXPRESS) {
            // AWS docs "Execution guarantees": Express workflows do not manage idempotency, so
            // starting the same name twice runs two executions; their ARNs carry an extra id.
            execArn += ":" + new UUID(services.random().nextLong(), services.random().nextLong());
        }
        ExecutionRun run =
                new ExecutionRun(
                        services,
                        execArn,
                        execName,
                        smArn,
                        m.description().name(),
                        m.description().roleArn(),
                        type,
                        inputText,
                        m.definition(),
                        testCase,
                        services.clock().now());
        ExecutionRun existing = executions.putIfAbsent(execArn, run);
        if (existing != null) {
            if (existing.status() == ExecutionStatus.RUNNING
                    && existing.inputText().equals(inputText)
                    && type == StateMachineType.STANDARD) {
                return existing;
            }
            throw new StepFunctionsException(
                    "ExecutionAlreadyExists", "Execution Already Exists: '" + execArn + "'");
        }
        journal.started(run, m.description().definition());
        byMachine.computeIfAbsent(smArn, k -> new ConcurrentLinkedDeque<>()).addFirst(run);
        if (child && services.clock().runsInline()) {
            // Inline mode would run the child inside the parent's call stack; defer it instead.
            services.clock().schedule(java.time.Duration.ZERO, run::start);
        } else {
            run.start();
        }
        return run;
    }

    private ExecutionRun startChild(String smArn, String name, String input) {
        try {
            return start(smArn, Optional.ofNullable(name), Optional.of(input), false, true);
        } catch (StepFunctionsException e) {
            throw new StatesFailure(
                    "StepFunctions." + e.errorCode() + "Exception",
                    e.getMessage() + " (Service: Sfn, Status Code: 400)");
        }
    }

    /** Describes an execution. @throws StepFunctionsException ExecutionDoesNotExist, InvalidArn */
    public ExecutionDescription describeExecution(String executionArn) {
        return describe(execution(executionArn));
    }

    /**
     * Waits until the execution has ended or {@code timeout} has passed, then describes it. With a
     * {@link VirtualClock} nothing advances while waiting: advance the clock first.
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, InvalidArn
     */
    public ExecutionDescription awaitExecution(String executionArn, java.time.Duration timeout) {
        ExecutionRun run = execution(executionArn);
        CompletableFuture<ExecutionRun> done = new CompletableFuture<>();
        run.onCompletion(done::complete);
        try {
            done.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // fall through: describe the execution as it is
        }
        return describe(run);
    }

    /** Executions of a state machine, newest first, optionally filtered by status. */
    public List<ExecutionDescription> listExecutions(
            String stateMachineArn, Optional<ExecutionStatus> status) {
        machine(stateMachineArn);
        Collection<ExecutionRun> runs =
                byMachine.getOrDefault(stateMachineArn, new ConcurrentLinkedDeque<>());
        List<ExecutionDescription> out = new ArrayList<>();
        for (ExecutionRun r : runs) {
            if (status.isEmpty() || r.status() == status.get()) {
                out.add(describe(r));
            }
        }
        return out;
    }

    /** The history of an execution, oldest first. */
    public List<HistoryEvent> getExecutionHistory(String executionArn) {
        return execution(executionArn).history().snapshot();
    }

    /** Stops a running execution (no effect on a finished one); returns the stop date. */
    public Instant stopExecution(
            String executionArn, Optional<String> error, Optional<String> cause) {
        ExecutionRun run = execution(executionArn);
        run.stop(error.orElse(null), cause.orElse(null));
        return run.stopDate() == null ? services.clock().now() : run.stopDate();
    }

    /**
     * Redrives a FAILED, TIMED_OUT or ABORTED STANDARD execution from the state that failed.
     *
     * @throws StepFunctionsException ExecutionDoesNotExist, ExecutionNotRedrivable
     */
    public Instant redriveExecution(String executionArn) {
        ExecutionRun run = execution(executionArn);
        if (!run.redrivable()) {
            throw new StepFunctionsException(
                    "ExecutionNotRedrivable",
                    "Execution '"
                            + executionArn
                            + "' is not redrivable: only STANDARD executions that ended FAILED, TIMED_OUT or ABORTED can be redriven");
        }
        run.redrive();
        return services.clock().now();
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

    /** Open task tokens (for tests and the benchmark). */
    public int openTaskTokens() {
        return tokens.size();
    }

    private StateMachineDef parse(String definition) {
        ParseResult r = DefinitionParser.parse(definition == null ? "" : definition);
        if (!r.ok()) {
            throw new StepFunctionsException("InvalidDefinition", r.invalidDefinitionMessage());
        }
        return r.definition();
    }

    private Machine machine(String arn) {
        Arns.checkStateMachineArn(arn);
        Machine m = machines.get(arn);
        if (m == null) {
            throw new StepFunctionsException(
                    "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return m;
    }

    private ExecutionRun execution(String arn) {
        Arns.checkExecutionArn(arn);
        ExecutionRun r = executions.get(arn);
        if (r == null) {
            throw new StepFunctionsException(
                    "ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return r;
    }

    private static ExecutionDescription describe(ExecutionRun r) {
        return new ExecutionDescription(
                r.executionArn(),
                r.stateMachineArn(),
                r.name(),
                r.status(),
                r.startDate(),
                Optional.ofNullable(r.stopDate()),
                r.inputText(),
                Optional.ofNullable(r.output()).map(Json::write),
                Optional.ofNullable(r.error()),
                Optional.ofNullable(r.cause()),
                r.redriveCount(),
                r.redrivable() ? "REDRIVABLE" : "NOT_REDRIVABLE",
                Optional.ofNullable(r.redriveDate()));
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

    /** Configures a {@link StepFunctionsEngine}. */
    public static final class Builder {
        private StatesClock clock = StatesClock.system();
        private TaskInvoker invoker = TaskInvoker.none();
        private Path mockConfig;
        private String region = "us-east-1";
        private String account = "123456789012";
        private Long seed;
        private Path dataDir;
        private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

        private Builder() {}

        /** The clock (default: system time). */
        public Builder clock(StatesClock value) {
            this.clock = value;
            return this;
        }

        /** The task invoker (default: {@link TaskInvoker#none()}). */
        public Builder taskInvoker(TaskInvoker value) {
            this.invoker = value;
            return this;
        }

        /** A Step Functions Local mock configuration file. */
        public Builder mockConfig(Path value) {
            this.mockConfig = value;
            return this;
        }

        /** Region used in ARNs (default us-east-1). */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** Account id used in ARNs (default 123456789012). */
        public Builder account(String value) {
            this.account = value;
            return this;
        }

        /**
         * Keeps state machines and executions in {@code dir} (an append-only journal): they survive
         * a restart, and RUNNING executions continue after {@link
         * StepFunctionsEngine#resumeExecutions()}.
         */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Seeds UUIDs, tokens, $random and jitter for reproducible runs. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Worker threads for executions and blocking task calls (real-time mode). */
        public Builder workerThreads(int value) {
            this.workerThreads = value;
            return this;
        }

        /** Builds the engine. @throws IllegalArgumentException when the mock config is invalid */
        public StepFunctionsEngine build() {
            return new StepFunctionsEngine(this);
        }
    }
}
