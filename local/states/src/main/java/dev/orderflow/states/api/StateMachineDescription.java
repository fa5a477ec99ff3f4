package dev.orderflow.states.api;

import java.time.Instant;

/** What DescribeStateMachine returns. */
public record StateMachineDescription(
        String stateMachineArn,
        String name,
        String definition,
        String roleArn,
        StateMachineType type,
        Instant creationDate,
        Instant updateDate) {}
