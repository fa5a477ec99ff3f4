package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.Arns;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import dev.orderflow.states.internal.exec.StateMachineRef;
import dev.orderflow.states.internal.model.StateMachineDef;
import dev.orderflow.states.internal.parse.DefinitionParser;
import dev.orderflow.states.internal.parse.ExpressRules;
import dev.orderflow.states.internal.parse.ParseResult;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The state machines by ARN: create, update, describe, list, delete (journaled). Thread-safe. */
public final class MachineRegistry {
    /**
     * A registered state machine: what DescribeStateMachine answers, the parsed definition, the
     * reference its new executions carry and the prefix of their ARNs.
     */
    public record Machine(
            StateMachineDescription description,
            StateMachineDef definition,
            StateMachineRef ref,
            String executionArnPrefix) {
        static Machine of(StateMachineDescription d, StateMachineDef definition) {
            return new Machine(
                    d,
                    definition,
                    new StateMachineRef(d.stateMachineArn(), d.name(), d.roleArn(), d.type()),
                    Arns.executionPrefix(d.stateMachineArn(), d.type()));
        }
    }

    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final StatesClock clock;
    private final String region;
    private final String account;
    private final ExecutionJournal journal;

    /** An empty registry writing to {@code journal}. */
    public MachineRegistry(
            StatesClock clock, String region, String account, ExecutionJournal journal) {
        this.clock = clock;
        this.region = region;
        this.account = account;
        this.journal = journal;
    }

    /** Parses a definition. @throws StepFunctionsException InvalidDefinition */
    public static StateMachineDef parse(String definition) {
        ParseResult r = DefinitionParser.parse(definition == null ? "" : definition);
        if (!r.ok()) {
            throw new StepFunctionsException("InvalidDefinition", r.invalidDefinitionMessage());
        }
        return r.definition();
    }

    /** Puts back a journaled state machine (not journaled again). */
    public void restore(StateMachineDescription d) {
        machines.put(d.stateMachineArn(), Machine.of(d, parse(d.definition())));
    }

    /**
     * Creates a state machine; the same name, definition, role and type again returns the existing
     * one.
     *
     * @throws StepFunctionsException ValidationException (definition too long), InvalidName,
     *     InvalidArn, InvalidDefinition, StateMachineAlreadyExists
     */
    public StateMachineDescription create(
            String name, String definition, String roleArn, StateMachineType type) {
        DefinitionSize.check(definition);
        Arns.checkName(name);
        Arns.checkRoleArn(roleArn);
        StateMachineDef def = parse(definition);
        if (type == StateMachineType.EXPRESS) {
            var problems = ExpressRules.check(def);
            if (!problems.isEmpty()) {
                throw new StepFunctionsException(
                        "InvalidDefinition",
                        new ParseResult(null, problems).invalidDefinitionMessage());
            }
        }
        String arn = Arns.stateMachine(region, account, name);
        Instant now = clock.now();
        StateMachineDescription d =
                new StateMachineDescription(arn, name, definition, roleArn, type, now, now);
        Machine existing = machines.putIfAbsent(arn, Machine.of(d, def));
        if (existing == null) {
            journal.machineSaved(d);
            return d;
        }
        StateMachineDescription old = existing.description();
        if (old.definition().equals(definition)
                && old.type() == type
                && String.valueOf(old.roleArn()).equals(String.valueOf(roleArn))) {
            return old;
        }
        throw new StepFunctionsException(
                "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }

    /**
     * Replaces the definition and/or role; running executions keep theirs.
     *
     * @throws StepFunctionsException StateMachineDoesNotExist, InvalidDefinition, InvalidArn
     */
    public Instant update(String arn, Optional<String> definition, Optional<String> roleArn) {
        definition.ifPresent(DefinitionSize::check);
        Machine m = get(arn);
        roleArn.ifPresent(Arns::checkRoleArn);
        String text = definition.orElse(m.description().definition());
        StateMachineDef def = definition.isPresent() ? parse(text) : m.definition();
        Instant now = clock.now();
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
        machines.put(arn, Machine.of(updated, def));
        journal.machineSaved(updated);
        return now;
    }

    /** The state machine. @throws StepFunctionsException InvalidArn, StateMachineDoesNotExist */
    public Machine get(String arn) {
        Arns.checkStateMachineArn(arn);
        Machine m = machines.get(arn);
        if (m == null) {
            throw new StepFunctionsException(
                    "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return m;
    }

    /** All state machines, by name. */
    public List<StateMachineDescription> list() {
        return machines.values().stream()
                .map(Machine::description)
                .sorted(Comparator.comparing(StateMachineDescription::name))
                .toList();
    }

    /** Deletes a state machine; its executions stay describable. Idempotent. */
    public void delete(String arn) {
        Arns.checkStateMachineArn(arn);
        if (machines.remove(arn) != null) {
            journal.machineDeleted(arn);
        }
    }
}
