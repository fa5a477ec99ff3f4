package dev.orderflow.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.states.api.StateMachineAlias;
import dev.orderflow.states.api.StateMachineDescription;
import dev.orderflow.states.api.StateMachineVersion;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Versions and aliases (AWS API reference: PublishStateMachineVersion, ListStateMachineVersions,
 * DeleteStateMachineVersion, *StateMachineAlias), and the {@code publish} / {@code revisionId}
 * parts of CreateStateMachine, UpdateStateMachine and DescribeStateMachine.
 */
final class VersionOperations {
    private final StepFunctionsEngine engine;
    private final StateMachineVersioning versioning;

    VersionOperations(StepFunctionsEngine engine) {
        this.engine = engine;
        this.versioning = engine.versioning();
    }

    /** The answer to {@code op}, or null when it is not a version or alias operation. */
    JsonNode dispatch(String op, JsonNode r) {
        return switch (op) {
            case "PublishStateMachineVersion" ->
                    published(
                            versioning.publish(
                                    Shapes.required(r, "stateMachineArn"),
                                    Shapes.optional(r, "revisionId"),
                                    Shapes.optional(r, "description")));
            case "ListStateMachineVersions" -> listVersions(r);
            case "DeleteStateMachineVersion" -> {
                versioning.deleteVersion(Shapes.required(r, "stateMachineVersionArn"));
                yield Json.object();
            }
            case "CreateStateMachineAlias" -> {
                StateMachineAlias a =
                        versioning.createAlias(
                                Shapes.required(r, "name"),
                                Shapes.optional(r, "description"),
                                routes(r).orElseThrow(() -> missing("routingConfiguration")));
                ObjectNode out = Json.object();
                out.put("stateMachineAliasArn", a.stateMachineAliasArn());
                out.put("creationDate", Shapes.time(a.creationDate()));
                yield out;
            }
            case "DescribeStateMachineAlias" ->
                    alias(versioning.describeAlias(Shapes.required(r, "stateMachineAliasArn")));
            case "UpdateStateMachineAlias" -> {
                ObjectNode out = Json.object();
                out.put(
                        "updateDate",
                        Shapes.time(
                                versioning.updateAlias(
                                        Shapes.required(r, "stateMachineAliasArn"),
                                        Shapes.optional(r, "description"),
                                        routes(r))));
                yield out;
            }
            case "DeleteStateMachineAlias" -> {
                versioning.deleteAlias(Shapes.required(r, "stateMachineAliasArn"));
                yield Json.object();
            }
            case "ListStateMachineAliases" -> listAliases(r);
            default -> null;
        };
    }

    /** DescribeStateMachine: of the state machine (with its revisionId) or of a version. */
    JsonNode describe(JsonNode r) {
        String arn = Shapes.required(r, "stateMachineArn");
        if (arn.split(":", -1).length == 8) {
            StateMachineVersion v = versioning.describeVersion(arn);
            ObjectNode out = Shapes.stateMachine(v.machine());
            out.put("stateMachineArn", v.stateMachineVersionArn());
            out.put("creationDate", Shapes.time(v.creationDate()));
            out.put("revisionId", v.revisionId());
            v.description().ifPresent(d -> out.put("description", d));
            return out;
        }
        StateMachineDescription d = engine.describeStateMachine(arn);
        ObjectNode out = Shapes.stateMachine(d);
        out.put("revisionId", StateMachineVersioning.revisionId(d));
        return out;
    }

    /** CreateStateMachine with {@code publish: true} publishes version 1. */
    void afterCreate(JsonNode r, ObjectNode out) {
        if (r.path("publish").asBoolean(false)) {
            out.put(
                    "stateMachineVersionArn",
                    versioning
                            .publish(
                                    out.get("stateMachineArn").asText(),
                                    Optional.empty(),
                                    Shapes.optional(r, "versionDescription"))
                            .stateMachineVersionArn());
        }
    }

    /** UpdateStateMachine answers the new revisionId and, with {@code publish}, the version. */
    void afterUpdate(JsonNode r, ObjectNode out) {
        String arn = Shapes.required(r, "stateMachineArn");
        out.put("revisionId", StateMachineVersioning.revisionId(engine.describeStateMachine(arn)));
        if (r.path("publish").asBoolean(false)) {
            out.put(
                    "stateMachineVersionArn",
                    versioning
                            .publish(
                                    arn, Optional.empty(), Shapes.optional(r, "versionDescription"))
                            .stateMachineVersionArn());
        }
    }

    private static ObjectNode published(StateMachineVersion v) {
        ObjectNode out = Json.object();
        out.put("creationDate", Shapes.time(v.creationDate()));
        out.put("stateMachineVersionArn", v.stateMachineVersionArn());
        return out;
    }

    private JsonNode listVersions(JsonNode r) {
        List<StateMachineVersion> all =
                versioning.listVersions(Shapes.required(r, "stateMachineArn"));
        Operations.Page page = Operations.Page.of(r, all.size());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("stateMachineVersions");
        all.subList(page.from(), page.to()).forEach(v -> list.add(published(v)));
        page.next().ifPresent(n -> out.put("nextToken", n));
        return out;
    }

    private JsonNode listAliases(JsonNode r) {
        List<StateMachineAlias> all = versioning.listAliases(Shapes.required(r, "stateMachineArn"));
        Operations.Page page = Operations.Page.of(r, all.size());
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("stateMachineAliases");
        for (StateMachineAlias a : all.subList(page.from(), page.to())) {
            list.addObject()
                    .put("stateMachineAliasArn", a.stateMachineAliasArn())
                    .put("creationDate", Shapes.time(a.creationDate()));
        }
        page.next().ifPresent(n -> out.put("nextToken", n));
        return out;
    }

    private static ObjectNode alias(StateMachineAlias a) {
        ObjectNode out = Json.object();
        out.put("stateMachineAliasArn", a.stateMachineAliasArn());
        out.put("name", a.name());
        a.description().ifPresent(d -> out.put("description", d));
        ArrayNode routes = out.putArray("routingConfiguration");
        a.routingConfiguration()
                .forEach(
                        rt ->
                                routes.addObject()
                                        .put("stateMachineVersionArn", rt.stateMachineVersionArn())
                                        .put("weight", rt.weight()));
        out.put("creationDate", Shapes.time(a.creationDate()));
        out.put("updateDate", Shapes.time(a.updateDate()));
        return out;
    }

    private static Optional<List<StateMachineAlias.Route>> routes(JsonNode r) {
        JsonNode list = r.get("routingConfiguration");
        if (list == null || list.isNull()) {
            return Optional.empty();
        }
        if (!list.isArray()) {
            throw new StepFunctionsException(
                    "ValidationException",
                    "1 validation error detected: 'routingConfiguration' must be a list");
        }
        List<StateMachineAlias.Route> out = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode weight = item.get("weight");
            if (weight == null || !weight.isIntegralNumber()) {
                throw missing("routingConfiguration.member.weight");
            }
            out.add(
                    new StateMachineAlias.Route(
                            Shapes.required(item, "stateMachineVersionArn"), weight.asInt()));
        }
        return Optional.of(out);
    }

    private static StepFunctionsException missing(String field) {
        return new StepFunctionsException(
                "ValidationException",
                "1 validation error detected: Value null at '"
                        + field
                        + "' failed to satisfy constraint: Member must not be null");
    }
}
