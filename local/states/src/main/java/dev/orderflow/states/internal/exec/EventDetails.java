package dev.orderflow.states.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.internal.json.Json;

/**
 * The details of the frequent history events, kept as references to the engine's immutable values
 * and rendered in AWS's shape (AWS API reference "HistoryEvent") only when the history is read.
 */
public final class EventDetails {
    private EventDetails() {}

    /** {@code name}, {@code <field>} (the payload's compact JSON) and {@code <field>Details}. */
    record StatePayload(String name, String field, JsonNode payload) implements HistoryLog.Details {
        @Override
        public JsonNode render() {
            ObjectNode d = Json.object();
            d.put("name", name);
            withPayload(d, field, payload);
            return d;
        }
    }

    /** Map iteration events: {@code name}, {@code index}. */
    record Iteration(String name, int index) implements HistoryLog.Details {
        @Override
        public JsonNode render() {
            ObjectNode d = Json.object();
            d.put("name", name);
            d.put("index", index);
            return d;
        }
    }

    /** ExecutionStarted: the input as given and the role. */
    record Started(String input, String roleArn) implements HistoryLog.Details {
        @Override
        public JsonNode render() {
            ObjectNode d = Json.object();
            d.put("input", input);
            d.putObject("inputDetails").put("truncated", false);
            d.put("roleArn", roleArn);
            return d;
        }
    }

    /** ExecutionStarted of a Map Run's child execution: its item, written when read. */
    record StartedWith(JsonNode input, String roleArn) implements HistoryLog.Details {
        @Override
        public JsonNode render() {
            return new Started(Json.write(input), roleArn).render();
        }
    }

    /** ExecutionSucceeded: the output. */
    record Succeeded(JsonNode output) implements HistoryLog.Details {
        @Override
        public JsonNode render() {
            return withPayload(Json.object(), "output", output);
        }
    }

    /** Task events: {@code resourceType}, {@code resource}, then an optional payload field. */
    public record Task(
            String resourceType,
            String resource,
            String region,
            String field,
            JsonNode payload,
            Long timeout,
            Long heartbeat)
            implements HistoryLog.Details {
        @Override
        public JsonNode render() {
            ObjectNode d = Json.object();
            if (resourceType != null) {
                d.put("resourceType", resourceType);
            }
            if (resource != null) {
                d.put("resource", resource);
            }
            if (region != null) {
                d.put("region", region);
            }
            if (field != null) {
                if (field.equals("parameters")) {
                    d.put(field, Json.write(payload));
                } else {
                    withPayload(d, field, payload);
                }
            }
            if (timeout != null) {
                d.put("timeoutInSeconds", timeout);
            }
            if (heartbeat != null) {
                d.put("heartbeatInSeconds", heartbeat);
            }
            return d;
        }
    }

    /** {@code error} and {@code cause}, each only when not null. */
    public static ObjectNode errorCause(String error, String cause) {
        ObjectNode d = Json.object();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        return d;
    }

    private static ObjectNode withPayload(ObjectNode d, String field, JsonNode payload) {
        d.put(field, Json.write(payload));
        d.putObject(field + "Details").put("truncated", false);
        return d;
    }
}
