package dev.orderflow.cloud.internal.template;

/** A state machine with its definition, DefinitionSubstitutions already applied. */
public record StateMachineSpec(String logicalId, String name, String definition, String type) {}
