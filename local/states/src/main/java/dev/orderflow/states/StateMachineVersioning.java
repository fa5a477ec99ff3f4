package dev.orderflow.states;

import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineVersion;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.engine.MachineAliases;
import dev.orderflow.states.internal.engine.MachineVersions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * State machine versions and aliases (AWS API reference: PublishStateMachineVersion,
 * ListStateMachineVersions, DeleteStateMachineVersion, Create/Describe/Update/Delete/List
 * StateMachineAlias). Executions start through a version or alias ARN with {@link
 * StepFunctionsEngine#startExecution}. Obtain it from {@link StepFunctionsEngine#versioning()}.
 */
public final class StateMachineVersioning {
    private final MachineAliases aliases;

    StateMachineVersioning(MachineAliases aliases) {
        this.aliases = aliases;
    }

    /**
     * Publishes the state machine's current revision, or returns the latest version when it is that
     * revision already.
     *
     * @throws StepFunctionsException StateMachineDoesNotExist, ConflictException, InvalidArn
     */
    public StateMachineVersion publish(
            String stateMachineArn, Optional<String> revisionId, Optional<String> description) {
        return aliases.versions().publish(stateMachineArn, revisionId, description);
    }

    /** The state machine's current revision id (DescribeStateMachine {@code revisionId}). */
    public static String revisionId(StateMachineDescription d) {
        return MachineVersions.revisionId(d);
    }

    /** Versions, newest first. @throws StepFunctionsException StateMachineDoesNotExist */
    public List<StateMachineVersion> listVersions(String stateMachineArn) {
        return aliases.versions().list(stateMachineArn);
    }

    /** A version. @throws StepFunctionsException InvalidArn, StateMachineDoesNotExist */
    public StateMachineVersion describeVersion(String versionArn) {
        return aliases.versions().get(versionArn).published();
    }

    /**
     * Deletes a version; idempotent. @throws StepFunctionsException ConflictException while an
     * alias routes to it
     */
    public void deleteVersion(String versionArn) {
        aliases.deleteVersion(versionArn);
    }

    /**
     * Creates an alias. @throws StepFunctionsException ValidationException, ResourceNotFound,
     * ConflictException
     */
    public StateMachineAlias createAlias(
            String name, Optional<String> description, List<StateMachineAlias.Route> routes) {
        return aliases.create(name, description, routes);
    }

    /** An alias. @throws StepFunctionsException InvalidArn, ResourceNotFound */
    public StateMachineAlias describeAlias(String aliasArn) {
        return aliases.get(aliasArn);
    }

    /** Updates an alias. @throws StepFunctionsException as {@link #createAlias} */
    public Instant updateAlias(
            String aliasArn,
            Optional<String> description,
            Optional<List<StateMachineAlias.Route>> routes) {
        return aliases.update(aliasArn, description, routes);
    }

    /** Deletes an alias; idempotent. */
    public void deleteAlias(String aliasArn) {
        aliases.delete(aliasArn);
    }

    /** Aliases of a state machine. @throws StepFunctionsException StateMachineDoesNotExist */
    public List<StateMachineAlias> listAliases(String stateMachineArn) {
        aliases.versions().list(stateMachineArn);
        return aliases.list(stateMachineArn);
    }

    /**
     * Puts back journaled versions, deleted versions' numbers, then aliases (a data directory's).
     */
    void restore(
            List<StateMachineVersion> versions,
            List<String> deletedVersions,
            List<StateMachineAlias> aliasList) {
        versions.forEach(aliases.versions()::restore);
        deletedVersions.forEach(aliases.versions()::restoreDeleted);
        aliasList.forEach(aliases::restore);
    }

    /** Forgets versions and aliases of a deleted state machine (the journal's smdel drops them). */
    void forget(String stateMachineArn) {
        aliases.forget(stateMachineArn);
        aliases.versions().forget(stateMachineArn);
    }
}
