package dev.orderflow.states.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.ActivityDescription;
import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineType;
import dev.orderflow.states.api.StateMachineVersion;
import dev.orderflow.states.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Journal records of activities ({@code act}), versions ({@code ver}) and aliases ({@code alias}),
 * each keyed by its ARN and superseded by a later record of the same ARN or removed by its deletion
 * ({@code actdel}, {@code verdel}, {@code aliasdel}).
 */
final class ResourceRecords {
    static final Set<String> KINDS = Set.of("act", "ver", "alias");
    static final Set<String> DELETIONS = Set.of("actdel", "verdel", "aliasdel");

    private ResourceRecords() {}

    static ObjectNode of(ActivityDescription a) {
        ObjectNode r = Json.object().put("k", "act");
        r.put("arn", a.activityArn());
        r.put("name", a.name());
        r.put("created", a.creationDate().toString());
        return r;
    }

    static ActivityDescription activity(JsonNode r) {
        return new ActivityDescription(
                r.path("arn").asText(),
                r.path("name").asText(),
                Instant.parse(r.path("created").asText()));
    }

    static ObjectNode of(StateMachineVersion v) {
        ObjectNode r = Json.object().put("k", "ver");
        r.put("arn", v.stateMachineVersionArn());
        r.put("sm", v.stateMachineArn());
        r.put("number", v.number());
        v.description().ifPresent(d -> r.put("description", d));
        r.put("revision", v.revisionId());
        r.put("at", v.creationDate().toString());
        putMachine(r, v.machine());
        return r;
    }

    static StateMachineVersion version(JsonNode r) {
        StateMachineDescription m = machine(r, r.path("sm").asText());
        return new StateMachineVersion(
                r.path("arn").asText(),
                r.path("sm").asText(),
                r.path("number").asInt(),
                optional(r, "description"),
                m,
                r.path("revision").asText(),
                Instant.parse(r.path("at").asText()));
    }

    static ObjectNode of(StateMachineAlias a) {
        ObjectNode r = Json.object().put("k", "alias");
        r.put("arn", a.stateMachineAliasArn());
        r.put("name", a.name());
        a.description().ifPresent(d -> r.put("description", d));
        ArrayNode routes = r.putArray("routes");
        a.routingConfiguration()
                .forEach(
                        rt ->
                                routes.addObject()
                                        .put("version", rt.stateMachineVersionArn())
                                        .put("weight", rt.weight()));
        r.put("created", a.creationDate().toString());
        r.put("updated", a.updateDate().toString());
        return r;
    }

    static StateMachineAlias alias(JsonNode r) {
        List<StateMachineAlias.Route> routes = new ArrayList<>();
        r.path("routes")
                .forEach(
                        rt ->
                                routes.add(
                                        new StateMachineAlias.Route(
                                                rt.path("version").asText(),
                                                rt.path("weight").asInt())));
        return new StateMachineAlias(
                r.path("arn").asText(),
                r.path("name").asText(),
                optional(r, "description"),
                routes,
                Instant.parse(r.path("created").asText()),
                Instant.parse(r.path("updated").asText()));
    }

    /** A state machine's fields, as a state machine record and a version record both keep them. */
    static void putMachine(ObjectNode r, StateMachineDescription m) {
        r.put("name", m.name());
        r.put("definition", m.definition());
        r.put("role", m.roleArn());
        r.put("type", m.type().name());
        r.put("created", m.creationDate().toString());
        r.put("updated", m.updateDate().toString());
    }

    /** The state machine {@link #putMachine} wrote, under {@code arn}. */
    static StateMachineDescription machine(JsonNode r, String arn) {
        JsonNode role = r.get("role");
        return new StateMachineDescription(
                arn,
                r.path("name").asText(),
                r.path("definition").asText(),
                role == null || role.isNull() ? null : role.asText(),
                StateMachineType.valueOf(r.path("type").asText()),
                Instant.parse(r.path("created").asText()),
                Instant.parse(r.path("updated").asText()));
    }

    private static Optional<String> optional(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
