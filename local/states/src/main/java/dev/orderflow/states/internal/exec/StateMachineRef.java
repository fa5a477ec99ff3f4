package dev.orderflow.states.internal.exec;

import dev.orderflow.states.StateMachineType;

/**
 * The state machine an execution was started from, as it was then (an update later gives new
 * executions a new one). Shared by all executions started from the same version.
 */
public record StateMachineRef(String arn, String name, String roleArn, StateMachineType type) {}
