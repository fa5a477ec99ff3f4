package dev.orderflow.states.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A Map Run as DescribeMapRun and ListMapRuns report it (AWS API reference: DescribeMapRun,
 * MapRunListItem). {@code stateMachineArn} is the child workflow's, {@code <stateMachine>/<label>};
 * a tolerance left unset reads 0, as AWS answers.
 */
public record MapRunDescription(
        String mapRunArn,
        String executionArn,
        String stateMachineArn,
        String status,
        Instant startDate,
        Optional<Instant> stopDate,
        int maxConcurrency,
        double toleratedFailurePercentage,
        long toleratedFailureCount,
        MapRunCounts itemCounts,
        MapRunCounts executionCounts,
        int redriveCount,
        Optional<Instant> redriveDate) {}
