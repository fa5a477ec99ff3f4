package dev.orderflow.states.internal.maprun;

/**
 * A Map Run's MaxConcurrency (0: no limit) and tolerated failures (a negative value: not set, so
 * the first failure fails the run).
 */
public record MapRunLimits(
        int maxConcurrency, long toleratedFailureCount, double toleratedFailurePercentage) {}
