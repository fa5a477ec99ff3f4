package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.WriteAccess;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.table.ThroughputChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UpdateTable: GSI create/delete, stream settings, billing mode, deletion protection. */
final class UpdateTableOp {
    private static final int MAX_INDEX_UPDATES = 5;
    // Index throughput above DynamoDB's bound on capacity units is refused once the table is known.
    private static final long MAX_INDEX_UNITS = 1_000_000_000_000L;

    private final Engine engine;

    UpdateTableOp(Engine engine) {
        this.engine = engine;
    }

    ObjectNode invoke(Req r) {
        String name = r.tableName();
        return engine.write(
                state -> {
                    Table t = state.namedTable(name);
                    TableChanges.refuseWhileChanging(t, name, engine.clock().instant());
                    TableDefinition def = t.definition();
                    checkBeforeChanges(def, r);
                    checkDecreaseAllowed(t, r);
                    boolean changed = false;
                    Map<String, String> newTypes = new LinkedHashMap<>(def.attributeTypes());
                    newTypes.putAll(
                            SchemaParser.attributeDefinitions(r.array("AttributeDefinitions")));
                    JsonNode updates = r.array("GlobalSecondaryIndexUpdates");
                    if (updates != null) {
                        def = applyIndexUpdates(t, def, updates, newTypes);
                        changed = true;
                    }
                    if (r.has("StreamSpecification")) {
                        def = applyStream(state, t, def, r.object("StreamSpecification"));
                        changed = true;
                    }
                    if (r.has("BillingMode") || r.has("ProvisionedThroughput")) {
                        String mode =
                                r.enumValue(
                                        "BillingMode",
                                        def.billingMode(),
                                        "PROVISIONED",
                                        "PAY_PER_REQUEST");
                        long[] tp = {def.readCapacity(), def.writeCapacity()};
                        if (r.has("ProvisionedThroughput")) {
                            if (mode.equals("PAY_PER_REQUEST")) {
                                throw ApiException.validation(
                                        "One or more parameter values were invalid: Neither"
                                                + " ReadCapacityUnits nor WriteCapacityUnits can be"
                                                + " specified when BillingMode is PAY_PER_REQUEST");
                            }
                            tp = SchemaParser.throughput(r.object("ProvisionedThroughput"));
                        }
                        if (mode.equals("PROVISIONED") && def.billingMode().equals("PROVISIONED")) {
                            t.throughputChanges()
                                    .record(
                                            def.readCapacity(),
                                            def.writeCapacity(),
                                            tp[0],
                                            tp[1],
                                            engine.clock().instant());
                        }
                        def =
                                def.withBilling(
                                        mode,
                                        mode.equals("PAY_PER_REQUEST") ? 0 : tp[0],
                                        mode.equals("PAY_PER_REQUEST") ? 0 : tp[1]);
                        t.definition(def);
                        changed = true;
                    }
                    if (r.has("DeletionProtectionEnabled")) {
                        def =
                                def.withDeletionProtection(
                                        r.bool("DeletionProtectionEnabled", false));
                        t.definition(def);
                        changed = true;
                    }
                    if (!changed) {
                        throw ApiException.validation(
                                "At least one of ProvisionedThroughput, BillingMode,"
                                        + " UpdateStreamEnabled, GlobalSecondaryIndexUpdates or"
                                        + " SSESpecification or ReplicaUpdates is required");
                    }
                    state.journalTable(t);
                    engine.lifecycleDeadline().ifPresent(t.lifecycle()::updating);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.set(
                            "TableDescription",
                            TableDescriber.describe(t, engine.clock().instant()));
                    return out;
                });
    }

    /** A decrease beyond the UTC day's allowance is refused before anything changes. */
    private void checkDecreaseAllowed(Table t, Req r) {
        TableDefinition def = t.definition();
        if (!def.billingMode().equals("PROVISIONED")
                || "PAY_PER_REQUEST".equals(r.string("BillingMode"))
                || !r.has("ProvisionedThroughput")) {
            return;
        }
        JsonNode requested = r.object("ProvisionedThroughput");
        boolean decrease =
                requested.path("ReadCapacityUnits").asLong() < def.readCapacity()
                        || requested.path("WriteCapacityUnits").asLong() < def.writeCapacity();
        Instant now = engine.clock().instant();
        ThroughputChanges changes = t.throughputChanges();
        if (decrease && !changes.mayDecrease(now)) {
            // Our wording: DynamoDB's message for this case is not recorded publicly.
            throw ApiException.limitExceeded(
                    "Subscriber limit exceeded: Provisioned throughput decreases are limited within"
                            + " a given UTC day. Number of decreases today: "
                            + changes.decreasesToday(now)
                            + ". Next decrease allowed at "
                            + changes.nextDecreaseAllowed()
                            + ".");
        }
    }

    /** DynamoDB's checks against the table, made before anything about it changes. */
    private static void checkBeforeChanges(TableDefinition def, Req r) {
        JsonNode updates = r.array("GlobalSecondaryIndexUpdates");
        if (updates != null) {
            if (updates.size() > MAX_INDEX_UPDATES) {
                throw ApiException.limitExceeded(
                        "Subscriber limit exceeded: Only 1 online index can be created or deleted"
                                + " simultaneously per table");
            }
            for (JsonNode u : updates) {
                JsonNode pt = u.path("Update").path("ProvisionedThroughput");
                if (pt.path("ReadCapacityUnits").asLong() > MAX_INDEX_UNITS
                        || pt.path("WriteCapacityUnits").asLong() > MAX_INDEX_UNITS) {
                    throw ApiException.validation(
                            "This operation cannot be performed with given input values. Please"
                                    + " contact DynamoDB service team for more info: Action"
                                    + " Blocked: IndexUpdate");
                }
            }
        }
        boolean staysProvisioned =
                def.billingMode().equals("PROVISIONED")
                        && !"PAY_PER_REQUEST".equals(r.string("BillingMode"));
        if (staysProvisioned && r.has("ProvisionedThroughput")) {
            unchangedThroughput(def, r.object("ProvisionedThroughput"));
        }
    }

    private static void unchangedThroughput(TableDefinition def, JsonNode requested) {
        long read = requested.path("ReadCapacityUnits").asLong();
        long write = requested.path("WriteCapacityUnits").asLong();
        if (read == def.readCapacity() && write == def.writeCapacity()) {
            throw ApiException.validation(
                    "The provisioned throughput for the table will not change. The requested value"
                            + " equals the current value. Current ReadCapacityUnits provisioned for"
                            + " the table: "
                            + def.readCapacity()
                            + ". Requested ReadCapacityUnits: "
                            + read
                            + ". Current WriteCapacityUnits provisioned for the table: "
                            + def.writeCapacity()
                            + ". Requested WriteCapacityUnits: "
                            + write
                            + ". Refer to the Amazon DynamoDB Developer Guide for current limits"
                            + " and how to request higher limits.");
        }
    }

    private TableDefinition applyIndexUpdates(
            Table t, TableDefinition def, JsonNode updates, Map<String, String> types) {
        for (JsonNode u : updates) {
            if (u.has("Create")) {
                IndexDefinition i =
                        SchemaParser.index(
                                u.get("Create"),
                                true,
                                def.key(),
                                def.billingMode().equals("PAY_PER_REQUEST"));
                if (def.index(i.name()) != null) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Index with name "
                                    + i.name()
                                    + " already exists");
                }
                List<IndexDefinition> all = new ArrayList<>(def.indexes());
                all.add(i);
                SchemaParser.checkAttributes(def.key(), all, types);
                def = def.withIndexes(all, types);
                t.addIndex(i, def);
                String created = i.name();
                engine.lifecycleDeadline()
                        .ifPresent(until -> t.lifecycle().backfilling(created, until));
            } else if (u.has("Delete")) {
                String indexName = SchemaParser.text(u.get("Delete"), "IndexName");
                IndexDefinition i = def.index(indexName);
                if (i == null || !i.global()) {
                    throw ApiException.resourceNotFound(
                            "Requested resource not found: Index: " + indexName + " not found");
                }
                List<IndexDefinition> all = new ArrayList<>(def.indexes());
                all.remove(i);
                Map<String, String> keep = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : def.attributeTypes().entrySet()) {
                    if (def.key().isKey(e.getKey())
                            || all.stream().anyMatch(x -> x.key().isKey(e.getKey()))) {
                        keep.put(e.getKey(), e.getValue());
                    }
                }
                def = def.withIndexes(all, keep);
                t.removeIndex(indexName, def);
                t.lifecycle().indexRemoved(indexName);
            } else if (u.has("Update")) {
                String indexName = SchemaParser.text(u.get("Update"), "IndexName");
                if (def.index(indexName) == null) {
                    throw ApiException.resourceNotFound(
                            "Requested resource not found: Index: " + indexName + " not found");
                }
            }
        }
        return def;
    }

    private TableDefinition applyStream(
            WriteAccess state, Table t, TableDefinition def, JsonNode spec) {
        boolean enable = spec.path("StreamEnabled").asBoolean(false);
        if (enable && def.stream().enabled()) {
            throw ApiException.validation(
                    "Table already has an enabled stream: " + def.stream().arn());
        }
        if (!enable && !def.stream().enabled()) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Table already has no stream enabled");
        }
        TableDefinition.StreamSettings s;
        if (enable) {
            s = new TableSetup(engine, state).uniqueStream(spec, def.arn());
        } else {
            TableDefinition.StreamSettings old = def.stream();
            s = new TableDefinition.StreamSettings(false, null, old.label(), old.arn());
            if (t.stream() != null) {
                t.stream().disable();
            }
            t.stream(null);
        }
        TableDefinition updated = def.withStream(s);
        t.definition(updated);
        if (enable) {
            t.stream(new TableSetup(engine, state).streamFor(updated));
        }
        return updated;
    }
}
