package dev.orderflow.states.internal.exec;

import dev.orderflow.states.api.StateMachineType;

/**
 * The state machine an execution was started from, as it was then (an update later gives new
 * executions a new one). Shared by all executions started from the same version. {@code versionArn}
 * and {@code aliasArn} are null unless the execution was started through a version or an alias ARN
 * (DescribeExecution reports them).
 */
public record StateMachineRef(
        String arn,
        String name,
        String roleArn,
        StateMachineType type,
        String versionArn,
        String aliasArn) {

    /** The unqualified state machine (no version, no alias). */
    public StateMachineRef(String arn, String name, String roleArn, StateMachineType type) {
        this(arn, name, roleArn, type, null, null);
    }
}
