package dev.orderflow.states.api;

import java.time.Instant;
import java.util.Optional;

/**
 * What DescribeExecution (and StartSyncExecution) returns; the version and alias ARNs are present
 * when the execution was started through them.
 */
public record ExecutionDescription(
        String executionArn,
        String stateMachineArn,
        String name,
        ExecutionStatus status,
        Instant startDate,
        Optional<Instant> stopDate,
        String input,
        Optional<String> output,
        Optional<String> error,
        Optional<String> cause,
        int redriveCount,
        String redriveStatus,
        Optional<Instant> redriveDate,
        Optional<String> stateMachineVersionArn,
        Optional<String> stateMachineAliasArn) {}
