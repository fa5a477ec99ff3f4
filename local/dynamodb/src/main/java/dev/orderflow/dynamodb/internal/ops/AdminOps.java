package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.Table;
import java.util.Optional;

/** TTL settings, continuous backups (PITR flag only), tags, DescribeLimits, DescribeEndpoints. */
final class AdminOps {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Engine engine;

    AdminOps(Engine engine) {
        this.engine = engine;
    }

    void register() {
        engine.register("UpdateTimeToLive", this::updateTtl);
        engine.register("DescribeTimeToLive", this::describeTtl);
        engine.register("UpdateContinuousBackups", this::updateBackups);
        engine.register("DescribeContinuousBackups", this::describeBackups);
        engine.register("TagResource", this::tag);
        engine.register("UntagResource", this::untag);
        engine.register("ListTagsOfResource", this::listTags);
        engine.register("DescribeLimits", r -> limits());
        engine.register("DescribeEndpoints", r -> endpoints());
    }

    ObjectNode updateTtl(Req r) {
        String name = r.tableName();
        ObjectNode spec = r.object("TimeToLiveSpecification");
        if (spec == null) {
            throw Req.notNull("TimeToLiveSpecification");
        }
        if (!spec.has("Enabled")) {
            throw Req.notNull("TimeToLiveSpecification.Enabled");
        }
        if (!spec.hasNonNull("AttributeName")) {
            throw Req.notNull("TimeToLiveSpecification.AttributeName");
        }
        boolean enabled = spec.path("Enabled").asBoolean();
        String attr = spec.path("AttributeName").asText();
        return engine.write(
                () -> {
                    Table t = engine.namedTable(name);
                    if (enabled && t.ttlAttribute() != null) {
                        throw ApiException.validation("TimeToLive is already enabled");
                    }
                    if (!enabled && t.ttlAttribute() == null) {
                        throw ApiException.validation("TimeToLive is already disabled");
                    }
                    t.ttlAttribute(enabled ? attr : null);
                    engine.journalTable(t);
                    ObjectNode out = F.objectNode();
                    out.putObject("TimeToLiveSpecification")
                            .put("Enabled", enabled)
                            .put("AttributeName", attr);
                    return out;
                });
    }

    ObjectNode describeTtl(Req r) {
        String name = r.tableName();
        return engine.read(
                () -> {
                    Table t = engine.namedTable(name);
                    ObjectNode out = F.objectNode();
                    ObjectNode d = out.putObject("TimeToLiveDescription");
                    if (t.ttlAttribute() == null) {
                        d.put("TimeToLiveStatus", "DISABLED");
                    } else {
                        d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", t.ttlAttribute());
                    }
                    return out;
                });
    }

    ObjectNode updateBackups(Req r) {
        String name = r.tableName();
        ObjectNode spec = r.object("PointInTimeRecoverySpecification");
        if (spec == null) {
            throw Req.notNull("PointInTimeRecoverySpecification");
        }
        boolean enabled = spec.path("PointInTimeRecoveryEnabled").asBoolean(false);
        return engine.write(
                () -> {
                    Table t = engine.table(name);
                    t.pointInTimeRecovery(enabled);
                    engine.journalTable(t);
                    return backups(t);
                });
    }

    ObjectNode describeBackups(Req r) {
        String name = r.tableName();
        return engine.read(
                () -> {
                    Table t = engine.tables().get(name);
                    if (t == null) {
                        throw new ApiException(
                                "com.amazonaws.dynamodb.v20120810#TableNotFoundException",
                                "Table not found: " + name,
                                400,
                                false);
                    }
                    return backups(t);
                });
    }

    private ObjectNode backups(Table t) {
        ObjectNode out = F.objectNode();
        ObjectNode d = out.putObject("ContinuousBackupsDescription");
        d.put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode p = d.putObject("PointInTimeRecoveryDescription");
        p.put("PointInTimeRecoveryStatus", t.pointInTimeRecovery() ? "ENABLED" : "DISABLED");
        if (t.pointInTimeRecovery()) {
            double now = engine.clock().millis() / 1000.0;
            p.put("EarliestRestorableDateTime", now).put("LatestRestorableDateTime", now);
            p.put("RecoveryPeriodInDays", 35);
        }
        return out;
    }

    /** The table an ARN names; TagResource and ListTagsOfResource name the ARN when it is not. */
    private Table byArn(String arn) {
        return tableOf(arn)
                .orElseThrow(
                        () ->
                                ApiException.resourceNotFound(
                                        "Requested resource not found: ResourcArn: "
                                                + arn
                                                + " not found"));
    }

    private Optional<Table> tableOf(String arn) {
        String prefix = "arn:aws:dynamodb:" + Engine.REGION + ":" + Engine.ACCOUNT + ":table/";
        if (!arn.startsWith(prefix)) {
            throw ApiException.validation(
                    "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        return Optional.ofNullable(engine.tables().get(arn.substring(prefix.length())));
    }

    ObjectNode tag(Req r) {
        String arn = r.required("ResourceArn");
        JsonNode tags = r.array("Tags");
        if (tags == null) {
            throw Req.notNull("Tags");
        }
        return engine.write(
                () -> {
                    Table t = byArn(arn);
                    for (JsonNode tag : tags) {
                        String key = tag.path("Key").asText("");
                        if (key.isEmpty() || key.length() > 128) {
                            throw ApiException.validation("Invalid tag key: " + key);
                        }
                        t.tags().put(key, tag.path("Value").asText(""));
                    }
                    if (t.tags().size() > 50) {
                        throw ApiException.validation(
                                "One or more parameter values were invalid: The number of tags exceeds the limit of 50");
                    }
                    engine.journalTable(t);
                    return F.objectNode();
                });
    }

    ObjectNode untag(Req r) {
        String arn = r.required("ResourceArn");
        JsonNode keys = r.array("TagKeys");
        if (keys == null) {
            throw Req.notNull("TagKeys");
        }
        return engine.write(
                () -> {
                    // UntagResource alone answers a missing table without naming it.
                    Table t = tableOf(arn).orElseThrow(ApiException::resourceNotFound);
                    keys.forEach(k -> t.tags().remove(k.asText()));
                    engine.journalTable(t);
                    return F.objectNode();
                });
    }

    ObjectNode listTags(Req r) {
        String arn = r.required("ResourceArn");
        return engine.read(
                () -> {
                    Table t = byArn(arn);
                    ObjectNode out = F.objectNode();
                    ArrayNode tags = out.putArray("Tags");
                    t.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
                    return out;
                });
    }

    private static ObjectNode limits() {
        return F.objectNode()
                .put("AccountMaxReadCapacityUnits", 80000)
                .put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000)
                .put("TableMaxWriteCapacityUnits", 40000);
    }

    private static ObjectNode endpoints() {
        ObjectNode out = F.objectNode();
        out.putArray("Endpoints")
                .addObject()
                .put("Address", "dynamodb." + Engine.REGION + ".amazonaws.com")
                .put("CachePeriodInMinutes", 1440);
        return out;
    }
}
