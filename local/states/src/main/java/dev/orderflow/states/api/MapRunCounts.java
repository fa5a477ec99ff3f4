package dev.orderflow.states.api;

/**
 * Counts of a Map Run's items or child executions by status (AWS API reference: MapRunItemCounts,
 * MapRunExecutionCounts). {@code resultsWritten} counts the children whose result went into the Map
 * state's output.
 */
public record MapRunCounts(
        long pending,
        long running,
        long succeeded,
        long failed,
        long timedOut,
        long aborted,
        long total,
        long resultsWritten) {}
