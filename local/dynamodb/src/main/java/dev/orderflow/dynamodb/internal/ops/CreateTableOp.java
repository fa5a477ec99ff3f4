package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CreateTable: a new table (ACTIVE at once, or CREATING for the engine's lifecycle delay), with its
 * indexes, stream and tags.
 */
final class CreateTableOp {
    private final Engine engine;

    CreateTableOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        JsonNode tags = r.array("Tags");
        return engine.write(
                state -> {
                    TableDefinition def = parseDefinition(state, r, name);
                    if (state.tables().containsKey(name)
                            || state.deletingTables().containsKey(name)) {
                        throw ApiException.resourceInUse("Table already exists: " + name);
                    }
                    state.forgetDeleting(name);
                    Table t = new TableSetup(engine, state).create(def);
                    engine.lifecycleDeadline().ifPresent(t.lifecycle()::creating);
                    if (tags != null) {
                        tags.forEach(
                                tag ->
                                        t.tags()
                                                .put(
                                                        tag.path("Key").asText(),
                                                        tag.path("Value").asText()));
                    }
                    state.journalTable(t);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.set(
                            "TableDescription",
                            TableDescriber.describe(t, engine.clock().instant()));
                    return out;
                });
    }

    private TableDefinition parseDefinition(WriteAccess state, Req r, String name) {
        KeySchema key = SchemaParser.keySchema(r.node().get("KeySchema"), "KeySchema");
        if (!r.has("AttributeDefinitions")) {
            throw Req.notNull("AttributeDefinitions");
        }
        Map<String, String> types =
                SchemaParser.attributeDefinitions(r.array("AttributeDefinitions"));
        String billing =
                r.enumValue("BillingMode", "PROVISIONED", "PROVISIONED", "PAY_PER_REQUEST");
        boolean ppr = billing.equals("PAY_PER_REQUEST");
        long[] throughput = {0, 0};
        if (r.has("ProvisionedThroughput")) {
            if (ppr) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                                + " WriteCapacityUnits can be specified when BillingMode is"
                                + " PAY_PER_REQUEST");
            }
            throughput = SchemaParser.throughput(r.object("ProvisionedThroughput"));
        } else if (!ppr) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ReadCapacityUnits and"
                            + " WriteCapacityUnits must both be specified when BillingMode is"
                            + " PROVISIONED");
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        JsonNode gsis = r.array("GlobalSecondaryIndexes");
        JsonNode lsis = r.array("LocalSecondaryIndexes");
        if (gsis != null) {
            gsis.forEach(g -> indexes.add(SchemaParser.index(g, true, key, ppr)));
        }
        if (lsis != null) {
            lsis.forEach(l -> indexes.add(SchemaParser.index(l, false, key, ppr)));
        }
        SchemaParser.checkAttributes(key, indexes, types);
        String arn = "arn:aws:dynamodb:" + Engine.REGION + ":" + Engine.ACCOUNT + ":table/" + name;
        Instant now = engine.clock().instant();
        JsonNode sse = r.object("SSESpecification");
        boolean sseEnabled = sse != null && sse.path("Enabled").asBoolean(false);
        return new TableDefinition(
                name,
                arn,
                UUID.randomUUID().toString(),
                key,
                types,
                indexes,
                billing,
                throughput[0],
                throughput[1],
                new TableSetup(engine, state).uniqueStream(r.object("StreamSpecification"), arn),
                sseEnabled,
                sseEnabled ? sse.path("SSEType").asText("KMS") : null,
                sseEnabled ? sse.path("KMSMasterKeyId").asText(null) : null,
                r.bool("DeletionProtectionEnabled", false),
                now);
    }
}
