package dev.orderflow.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of an execution's history, shaped like GetExecutionHistory's {@code events[]}: {@code
 * detailsField} is the name of the type-specific details member (for example {@code
 * stateEnteredEventDetails}) or null when the event has none.
 */
public record HistoryEvent(
        long id,
        long previousEventId,
        Instant timestamp,
        String type,
        String detailsField,
        JsonNode details) {}
