package dev.orderflow.cloud.internal.template;

/**
 * A resource the local cloud does not emulate.
 *
 * @param supported false for types it does not know at all (reported as unsupported), true for
 *     types it knows have no local behaviour (IAM, alarms, logs, ...)
 */
public record SkippedResource(String logicalId, String type, boolean supported, String reason) {}
