package dev.orderflow.states.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.Arns;
import dev.orderflow.states.internal.exec.EngineServices;
import dev.orderflow.states.internal.exec.ExecutionIdentity;
import dev.orderflow.states.internal.exec.ExecutionRun;
import dev.orderflow.states.internal.exec.StateMachineRef;
import dev.orderflow.states.internal.json.Json;
import dev.orderflow.states.internal.json.StatesFailure;
import dev.orderflow.states.internal.mock.MockConfig;
import dev.orderflow.states.internal.model.Quotas;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Validates a {@link StartRequest} (AWS API reference "StartExecution"), registers the execution
 * (idempotently for STANDARD), journals it and sets it running.
 */
public final class ExecutionStarter {
    private final EngineServices services;
    private final MachineRegistry machines;
    private final ExecutionStore executions;
    private final MockConfig mockConfig;
    private final MachineAliases aliases;

    /** What an execution runs: a definition, and the state machine (version, alias) it names. */
    private record Target(StateMachineDef definition, StateMachineRef ref, String text) {}

    /**
     * A starter over the registry and store; versions and aliases resolve qualified ARNs; {@code
     * mockConfig} may be null.
     */
    public ExecutionStarter(
            EngineServices services,
            MachineRegistry machines,
            MachineAliases aliases,
            ExecutionStore executions,
            MockConfig mockConfig) {
        this.services = services;
        this.machines = machines;
        this.aliases = aliases;
        this.executions = executions;
        this.mockConfig = mockConfig;
    }

    /**
     * Starts an execution, or returns the running STANDARD execution with the same name and input.
     *
     * @throws StepFunctionsException StateMachineDoesNotExist, InvalidArn, InvalidName,
     *     InvalidExecutionInput, ExecutionAlreadyExists, StateMachineTypeNotSupported
     */
    public ExecutionRun start(StartRequest request) {
        String smArn = request.stateMachineArn();
        String testCase = null;
        int hash = smArn == null ? -1 : smArn.indexOf('#');
        if (hash >= 0) {
            testCase = smArn.substring(hash + 1);
            smArn = smArn.substring(0, hash);
        }
        QualifiedArn qualified = QualifiedArn.parse(smArn);
        MachineRegistry.Machine m = machines.get(qualified.machineArn());
        Target target = target(m, qualified, smArn);
        StateMachineType type = m.description().type();
        if (request.origin() == StartRequest.Origin.START_SYNC_EXECUTION
                && type != StateMachineType.EXPRESS) {
            throw new StepFunctionsException(
                    "StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine");
        }
        String inputText = request.input().orElse("{}");
        JsonNode input = parseInput(inputText);
        String name = request.name().orElseGet(ExecutionStarter::randomName);
        Arns.checkName(name);
        checkTestCase(m, testCase);
        String arn = m.executionArnPrefix() + name;
        if (type == StateMachineType.EXPRESS) {
            // AWS docs "Execution guarantees": Express workflows do not manage idempotency, so
            // starting the same name twice runs two executions; their ARNs carry an extra id.
            arn += ":" + new UUID(services.random().nextLong(), services.random().nextLong());
        }
        ExecutionRun run =
                new ExecutionRun(
                        services,
                        new ExecutionIdentity(target.ref(), arn, name, testCase),
                        inputText,
                        input,
                        target.definition(),
                        services.clock().now());
        Optional<ExecutionRun> existing = executions.claim(run);
        if (existing.isPresent()) {
            ExecutionRun e = existing.get();
            if (e.status() == dev.orderflow.states.api.ExecutionStatus.RUNNING
                    && e.inputText().equals(inputText)
                    && type == StateMachineType.STANDARD) {
                return e;
            }
            throw new StepFunctionsException(
                    "ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        services.journal().started(run, target.text());
        executions.index(run);
        if (request.origin() == StartRequest.Origin.PARENT_TASK && services.clock().runsInline()) {
            // Inline mode would run the child inside the parent's call stack; defer it instead.
            services.clock().schedule(Duration.ZERO, run::start);
        } else {
            run.start();
        }
        return run;
    }

    /**
     * The machine itself, the version a version ARN names, or the version an alias routes this
     * execution to (AWS Developer Guide "State machine aliases": the execution runs that version).
     */
    private Target target(MachineRegistry.Machine m, QualifiedArn qualified, String smArn) {
        if (qualified.qualifier() == null) {
            return new Target(m.definition(), m.ref(), m.description().definition());
        }
        MachineVersions.Version v =
                qualified.isVersion() ? aliases.versions().get(smArn) : aliases.route(smArn);
        return new Target(
                v.definition(),
                v.ref(qualified.isAlias() ? smArn : null),
                v.published().machine().definition());
    }

    /** Starts a child execution for a {@code states:startExecution} task. */
    public ExecutionRun startChild(String smArn, String name, String input) {
        try {
            return start(
                    new StartRequest(
                            smArn,
                            Optional.ofNullable(name),
                            Optional.of(input),
                            StartRequest.Origin.PARENT_TASK));
        } catch (StepFunctionsException e) {
            throw new StatesFailure(
                    "StepFunctions." + e.errorCode() + "Exception",
                    e.getMessage() + " (Service: Sfn, Status Code: 400)");
        }
    }

    private static JsonNode parseInput(String inputText) {
        JsonNode input;
        try {
            input = Json.parse(inputText);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput",
                    "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
        if (utf8Exceeds(inputText, Quotas.PAYLOAD_BYTES)) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput",
                    "Execution input exceeds the maximum size of "
                            + Quotas.PAYLOAD_BYTES
                            + " bytes");
        }
        return input;
    }

    /** True when the UTF-8 encoding of {@code text} is longer than {@code limit} bytes. */
    static boolean utf8Exceeds(String text, int limit) {
        if ((long) text.length() * 3 <= limit) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes > limit;
    }

    private void checkTestCase(MachineRegistry.Machine m, String testCase) {
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
    }

    /** A version-4 UUID without the cost of SecureRandom (names need not be unguessable). */
    private static String randomName() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
