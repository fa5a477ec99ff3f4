package dev.orderflow.states.internal.engine;

import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineAlias.Route;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * State machine aliases (AWS Developer Guide "State machine aliases"): a name that routes
 * executions to one or two versions of the same state machine by weight. Thread-safe.
 */
public final class MachineAliases {
    /**
     * AWS API reference CreateStateMachineAlias "name": at least one character that is no digit.
     */
    private static final Pattern NAME =
            Pattern.compile("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]{1,80}");

    private final Map<String, StateMachineAlias> byArn = new LinkedHashMap<>();
    private final MachineVersions versions;
    private final StatesClock clock;
    private final Random random;
    private final ExecutionJournal journal;

    /**
     * Aliases over {@code versions}, journaled to {@code journal}; weighted routing draws from
     * {@code random}.
     */
    public MachineAliases(
            MachineVersions versions, StatesClock clock, Random random, ExecutionJournal journal) {
        this.versions = versions;
        this.clock = clock;
        this.random = random;
        this.journal = journal;
    }

    /** Puts back a journaled alias (not journaled again). */
    public synchronized void restore(StateMachineAlias alias) {
        byArn.put(alias.stateMachineAliasArn(), alias);
    }

    /**
     * Creates an alias; the same name with the same description and routes returns the existing
     * one.
     *
     * @throws StepFunctionsException ValidationException, ResourceNotFound, ConflictException
     */
    public synchronized StateMachineAlias create(
            String name, Optional<String> description, List<Route> routes) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StepFunctionsException("ValidationException", "Invalid Name: '" + name + "'");
        }
        description.ifPresent(MachineVersions::checkDescription);
        String machineArn = checkRoutes(routes);
        String arn = machineArn + ":" + name;
        StateMachineAlias existing = byArn.get(arn);
        if (existing != null) {
            if (existing.description().equals(description)
                    && existing.routingConfiguration().equals(routes)) {
                return existing;
            }
            throw new StepFunctionsException(
                    "ConflictException",
                    "Failed to create alias because an alias with the same name and a different routing configuration already exists.");
        }
        Instant now = clock.now();
        StateMachineAlias alias = new StateMachineAlias(arn, name, description, routes, now, now);
        byArn.put(arn, alias);
        journal.aliasSaved(alias);
        return alias;
    }

    /** The alias. @throws StepFunctionsException InvalidArn, ResourceNotFound */
    public synchronized StateMachineAlias get(String aliasArn) {
        QualifiedArn q = QualifiedArn.parse(aliasArn);
        if (!q.isAlias()) {
            throw QualifiedArn.invalid(aliasArn);
        }
        StateMachineAlias a = byArn.get(aliasArn);
        if (a == null) {
            throw new StepFunctionsException(
                    "ResourceNotFound", "Resource not found: '" + aliasArn + "'");
        }
        return a;
    }

    /** Replaces the description and/or routes. @throws StepFunctionsException as create */
    public synchronized Instant update(
            String aliasArn, Optional<String> description, Optional<List<Route>> routes) {
        StateMachineAlias old = get(aliasArn);
        if (description.isEmpty() && routes.isEmpty()) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "Either the description or the RoutingConfiguration must be specified");
        }
        description.ifPresent(MachineVersions::checkDescription);
        if (routes.isPresent()
                && !checkRoutes(routes.get()).equals(QualifiedArn.parse(aliasArn).machineArn())) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "Routing configuration must only contain versions of the alias's state machine");
        }
        Instant now = clock.now();
        StateMachineAlias updated =
                new StateMachineAlias(
                        aliasArn,
                        old.name(),
                        description.isPresent() ? description : old.description(),
                        routes.orElse(old.routingConfiguration()),
                        old.creationDate(),
                        now);
        byArn.put(aliasArn, updated);
        journal.aliasSaved(updated);
        return now;
    }

    /** Deletes an alias. Idempotent. @throws StepFunctionsException InvalidArn */
    public synchronized void delete(String aliasArn) {
        if (!QualifiedArn.parse(aliasArn).isAlias()) {
            throw QualifiedArn.invalid(aliasArn);
        }
        if (byArn.remove(aliasArn) != null) {
            journal.aliasDeleted(aliasArn);
        }
    }

    /** The aliases of a state machine, in creation order. */
    public synchronized List<StateMachineAlias> list(String machineArn) {
        String prefix = machineArn + ":";
        return byArn.values().stream()
                .filter(a -> a.stateMachineAliasArn().startsWith(prefix))
                .toList();
    }

    /**
     * Deletes a version unless an alias routes to it.
     *
     * @throws StepFunctionsException ConflictException, InvalidArn
     */
    public synchronized void deleteVersion(String versionArn) {
        List<String> using = new ArrayList<>();
        for (StateMachineAlias a : byArn.values()) {
            if (a.routingConfiguration().stream()
                    .anyMatch(r -> r.stateMachineVersionArn().equals(versionArn))) {
                using.add(a.stateMachineAliasArn());
            }
        }
        if (!using.isEmpty()) {
            throw new StepFunctionsException(
                    "ConflictException",
                    "Version to be deleted must not be referenced by an alias. Aliases referencing it: "
                            + using);
        }
        versions.delete(versionArn);
    }

    /**
     * The version an execution started through the alias runs: one draw of the engine's random in
     * [0, 100) against the cumulative weights, so a seeded engine routes the same way every run.
     */
    public MachineVersions.Version route(String aliasArn) {
        StateMachineAlias a = get(aliasArn);
        int draw;
        synchronized (random) {
            draw = random.nextInt(100);
        }
        int sum = 0;
        for (Route r : a.routingConfiguration()) {
            sum += r.weight();
            if (draw < sum) {
                return versions.get(r.stateMachineVersionArn());
            }
        }
        throw new IllegalStateException("weights of " + aliasArn + " do not sum to 100");
    }

    /** The versions the aliases route to. */
    public MachineVersions versions() {
        return versions;
    }

    /** Forgets the aliases of a deleted state machine. */
    public synchronized void forget(String machineArn) {
        list(machineArn).forEach(a -> byArn.remove(a.stateMachineAliasArn()));
    }

    /**
     * AWS API reference RoutingConfigurationListItem: one or two distinct versions of one state
     * machine, weights 0..100 summing to 100. Returns the state machine's ARN.
     */
    private String checkRoutes(List<Route> routes) {
        if (routes == null || routes.isEmpty() || routes.size() > 2) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: Value at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2 and greater than or equal to 1");
        }
        Set<String> machinesSeen = new HashSet<>();
        Set<String> versionsSeen = new HashSet<>();
        int total = 0;
        for (Route r : routes) {
            if (r.weight() < 0 || r.weight() > 100) {
                throw new StepFunctionsException(
                        "ValidationException",
                        "1 validation error detected: Value '"
                                + r.weight()
                                + "' at 'routingConfiguration.member.weight' failed to satisfy constraint: Member must have value between 0 and 100");
            }
            total += r.weight();
            QualifiedArn q = QualifiedArn.parse(r.stateMachineVersionArn());
            if (!q.isVersion()) {
                throw QualifiedArn.invalid(r.stateMachineVersionArn());
            }
            machinesSeen.add(q.machineArn());
            versionsSeen.add(r.stateMachineVersionArn());
            try {
                versions.get(r.stateMachineVersionArn());
            } catch (StepFunctionsException e) {
                throw new StepFunctionsException(
                        "ResourceNotFound",
                        "Resource not found: '" + r.stateMachineVersionArn() + "'");
            }
        }
        if (machinesSeen.size() != 1 || versionsSeen.size() != routes.size()) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "Routing configuration must contain distinct versions of the same state machine");
        }
        if (total != 100) {
            throw new StepFunctionsException(
                    "ValidationException", "Sum of routing configuration weights must equal 100");
        }
        return machinesSeen.iterator().next();
    }
}
