package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineVersion;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import dev.orderflow.states.internal.exec.StateMachineRef;
import dev.orderflow.states.internal.model.StateMachineDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Published versions of the state machines (AWS Developer Guide "State machine versions"):
 * immutable snapshots numbered 1, 2, ... per state machine, never renumbered after a deletion.
 * Thread-safe.
 */
public final class MachineVersions {
    /** AWS quota: versions per state machine. */
    static final int MAX_VERSIONS = 1000;

    /** A published version with its parsed definition and the reference its executions carry. */
    public record Version(StateMachineVersion published, StateMachineDef definition) {
        /** The reference of an execution started from this version, through {@code aliasArn}. */
        StateMachineRef ref(String aliasArn) {
            StateMachineDescription d = published.machine();
            return new StateMachineRef(
                    published.stateMachineArn(),
                    d.name(),
                    d.roleArn(),
                    d.type(),
                    published.stateMachineVersionArn(),
                    aliasArn);
        }
    }

    private static final class Published {
        final TreeMap<Integer, Version> byNumber = new TreeMap<>();
        int last;
    }

    private final Map<String, Published> byMachine = new HashMap<>();
    private final MachineRegistry machines;
    private final StatesClock clock;
    private final ExecutionJournal journal;

    /** Versions of the machines in {@code machines}, journaled to {@code journal}. */
    public MachineVersions(MachineRegistry machines, StatesClock clock, ExecutionJournal journal) {
        this.machines = machines;
        this.clock = clock;
        this.journal = journal;
    }

    /** Restores that a version was deleted: its number is not given out again. */
    public synchronized void restoreDeleted(String versionArn) {
        QualifiedArn q = QualifiedArn.parse(versionArn);
        Published p = byMachine.computeIfAbsent(q.machineArn(), k -> new Published());
        p.last = Math.max(p.last, q.versionNumber());
    }

    /** Puts back a journaled version (not journaled again). */
    public synchronized void restore(StateMachineVersion v) {
        Published p = byMachine.computeIfAbsent(v.stateMachineArn(), k -> new Published());
        p.byNumber.put(v.number(), new Version(v, MachineRegistry.parse(v.machine().definition())));
        p.last = Math.max(p.last, v.number());
    }

    /**
     * A state machine's current revision: a name-based UUID of its definition and role, so that an
     * unchanged state machine keeps its revision.
     */
    public static String revisionId(StateMachineDescription d) {
        return UUID.nameUUIDFromBytes(
                        (d.definition() + "\n" + d.roleArn()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Publishes the current revision; when the latest version already is that revision, returns it
     * (AWS API reference PublishStateMachineVersion: idempotent per revision).
     *
     * @throws StepFunctionsException StateMachineDoesNotExist, ConflictException (revisionId is not
     *     the current one), ServiceQuotaExceededException
     */
    public synchronized StateMachineVersion publish(
            String machineArn, Optional<String> revisionId, Optional<String> description) {
        MachineRegistry.Machine m = machines.get(machineArn);
        String current = revisionId(m.description());
        if (revisionId.isPresent() && !revisionId.get().equals(current)) {
            throw new StepFunctionsException(
                    "ConflictException",
                    "Failed to publish the State Machine version for revision "
                            + revisionId.get()
                            + ". The current State Machine revision is "
                            + current
                            + ".");
        }
        description.ifPresent(MachineVersions::checkDescription);
        Published p = byMachine.computeIfAbsent(machineArn, k -> new Published());
        var latest = p.byNumber.lastEntry();
        if (latest != null && latest.getValue().published().revisionId().equals(current)) {
            return latest.getValue().published();
        }
        if (p.byNumber.size() >= MAX_VERSIONS) {
            throw new StepFunctionsException(
                    "ServiceQuotaExceededException",
                    "The maximum number of versions ("
                            + MAX_VERSIONS
                            + ") for state machine "
                            + machineArn
                            + " has been reached");
        }
        int number = ++p.last;
        StateMachineVersion v =
                new StateMachineVersion(
                        machineArn + ":" + number,
                        machineArn,
                        number,
                        description,
                        m.description(),
                        current,
                        clock.now());
        p.byNumber.put(number, new Version(v, m.definition()));
        journal.versionPublished(v);
        return v;
    }

    /** AWS API reference: a version description has at most 256 characters. */
    static void checkDescription(String description) {
        if (description.length() > 256) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 256");
        }
    }

    /** The versions of a state machine, newest first. @throws StepFunctionsException */
    public synchronized List<StateMachineVersion> list(String machineArn) {
        machines.get(machineArn);
        Published p = byMachine.get(machineArn);
        List<StateMachineVersion> out = new ArrayList<>();
        if (p != null) {
            p.byNumber.descendingMap().values().forEach(v -> out.add(v.published()));
        }
        return out;
    }

    /**
     * The version a version ARN names.
     *
     * @throws StepFunctionsException InvalidArn, StateMachineDoesNotExist
     */
    public synchronized Version get(String versionArn) {
        QualifiedArn q = QualifiedArn.parse(versionArn);
        if (!q.isVersion()) {
            throw QualifiedArn.invalid(versionArn);
        }
        Published p = byMachine.get(q.machineArn());
        Version v = p == null ? null : p.byNumber.get(q.versionNumber());
        if (v == null) {
            throw new StepFunctionsException(
                    "StateMachineDoesNotExist",
                    "State Machine Does Not Exist: '" + versionArn + "'");
        }
        return v;
    }

    /** Deletes a version (the caller checked no alias routes to it). Idempotent. */
    public synchronized void delete(String versionArn) {
        QualifiedArn q = QualifiedArn.parse(versionArn);
        if (!q.isVersion()) {
            throw QualifiedArn.invalid(versionArn);
        }
        Published p = byMachine.get(q.machineArn());
        if (p != null && p.byNumber.remove(q.versionNumber()) != null) {
            journal.versionDeleted(versionArn);
        }
    }

    /** Forgets the versions of a deleted state machine. */
    public synchronized void forget(String machineArn) {
        byMachine.remove(machineArn);
    }
}
