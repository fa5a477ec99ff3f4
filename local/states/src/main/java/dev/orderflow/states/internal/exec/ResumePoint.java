package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * Where a restored execution picks up: the top-level state it last entered (null: from StartAt),
 * that state's input, the variables then, and what the state was waiting for — a task token ({@code
 * token}, parked at {@code parkedAt}, last heartbeat at {@code lastHeartbeat}), a Wait deadline, or
 * a retry due at {@code retryDue} with the retriers' counts. Nullable fields are absent when not
 * applicable.
 */
public record ResumePoint(
        String state,
        JsonNode input,
        Map<String, JsonNode> variables,
        Instant enteredAt,
        long enteredEventId,
        String token,
        Instant parkedAt,
        Instant lastHeartbeat,
        Instant waitDeadline,
        int[] retryCounts,
        int retryCount,
        Instant retryDue) {
    public ResumePoint {
        variables = Map.copyOf(variables);
        retryCounts = retryCounts == null ? null : retryCounts.clone();
    }

    /** Retrier counts (a copy), or null. */
    @Override
    public int[] retryCounts() {
        return retryCounts == null ? null : retryCounts.clone();
    }
}
