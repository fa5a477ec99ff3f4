package dev.orderflow.states;

import java.time.Instant;
import java.util.Optional;

/** What DescribeExecution (and StartSyncExecution) returns. */
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
        Optional<Instant> redriveDate) {}
