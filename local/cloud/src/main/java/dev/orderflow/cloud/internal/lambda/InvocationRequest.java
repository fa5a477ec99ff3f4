package dev.orderflow.cloud.internal.lambda;

import java.time.Instant;

/**
 * One invocation as the runtime sees it.
 *
 * @param qualifier the alias or version invoked ({@code $LATEST} when none)
 */
public record InvocationRequest(
        String requestId, byte[] payload, String qualifier, Instant deadline) {}
