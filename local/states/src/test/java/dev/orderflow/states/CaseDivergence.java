package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A known difference from AWS (or a behaviour checked against AWS where its docs are silent or
 * wrong), read from the {@code divergence} field of the conformance case that pins it. The field is
 * one object, or an array of them when a case pins several, each with these text members:
 *
 * <ul>
 *   <li>{@code topic}: what the entry is about, in a few words;
 *   <li>{@code status}: {@code kept} (differs on purpose), {@code open} (differs, not settled) or
 *       {@code same-as-aws} (matches AWS where its docs do not say or say otherwise);
 *   <li>{@code aws}: what AWS does, with its source (an AWS doc page or a public recording);
 *   <li>{@code engine}: what this engine does;
 *   <li>{@code reason}: why the engine does it.
 * </ul>
 */
record CaseDivergence(String topic, String status, String aws, String engine, String reason) {
    /**
     * The members every divergence object has, and no others, in the order the cases write them.
     */
    static final List<String> MEMBERS = List.of("topic", "status", "aws", "engine", "reason");

    /** The statuses, in the order the generated tables list them. */
    static final List<String> STATUSES = List.of("kept", "open", "same-as-aws");

    /** The divergences of a case's {@code divergence} field: one object or an array of them. */
    static List<CaseDivergence> of(JsonNode field) {
        List<CaseDivergence> out = new ArrayList<>();
        for (JsonNode d : field.isArray() ? field : List.of(field)) {
            out.add(
                    new CaseDivergence(
                            d.path("topic").asText(),
                            d.path("status").asText(),
                            d.path("aws").asText(),
                            d.path("engine").asText(),
                            d.path("reason").asText()));
        }
        return out;
    }
}
