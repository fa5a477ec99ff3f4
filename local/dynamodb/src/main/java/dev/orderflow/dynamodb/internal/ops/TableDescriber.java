package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.ReplicaHooks;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.ItemStore;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import dev.orderflow.dynamodb.internal.table.ThroughputChanges;
import java.time.Instant;

/** Renders a TableDescription as DescribeTable returns it. */
final class TableDescriber {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TableDescriber() {}

    /** The table as it stands at {@code now}: its lifecycle status and its indexes' statuses. */
    static ObjectNode describe(Table t, Instant now) {
        return describe(t, t.lifecycle().status(now).name(), now);
    }

    static ObjectNode describe(Table t, String status, Instant now) {
        TableDefinition d = t.definition();
        ObjectNode o = F.objectNode();
        ArrayNode attrs = o.putArray("AttributeDefinitions");
        d.attributeTypes()
                .forEach(
                        (n, ty) ->
                                attrs.addObject().put("AttributeName", n).put("AttributeType", ty));
        o.put("TableName", d.name());
        o.set("KeySchema", keySchema(d.key()));
        o.put("TableStatus", status);
        o.put("CreationDateTime", d.createdAt().toEpochMilli() / 1000.0);
        o.set("ProvisionedThroughput", tableThroughput(t, now));
        o.put("TableSizeBytes", t.primary().bytes());
        o.put("ItemCount", t.primary().count());
        o.put("TableArn", d.arn());
        o.put("TableId", d.tableId());
        if (d.billingMode().equals("PAY_PER_REQUEST")) {
            o.putObject("BillingModeSummary")
                    .put("BillingMode", "PAY_PER_REQUEST")
                    .put(
                            "LastUpdateToPayPerRequestDateTime",
                            d.createdAt().toEpochMilli() / 1000.0);
        }
        ArrayNode gsis = F.arrayNode();
        ArrayNode lsis = F.arrayNode();
        for (IndexDefinition i : d.indexes()) {
            ObjectNode io = F.objectNode();
            io.put("IndexName", i.name());
            io.set("KeySchema", keySchema(i.key()));
            ObjectNode p = io.putObject("Projection").put("ProjectionType", i.projectionType());
            if (!i.nonKeyAttributes().isEmpty()) {
                ArrayNode nk = p.putArray("NonKeyAttributes");
                i.nonKeyAttributes().forEach(nk::add);
            }
            ItemStore store = t.index(i.name());
            io.put("IndexSizeBytes", store == null ? 0 : indexBytes(t, store));
            io.put("ItemCount", store == null ? 0 : store.count());
            io.put("IndexArn", d.arn() + "/index/" + i.name());
            if (i.global()) {
                boolean backfilling = t.lifecycle().isBackfilling(i.name(), now);
                io.put("IndexStatus", backfilling ? "CREATING" : "ACTIVE");
                if (backfilling) {
                    io.put("Backfilling", true);
                }
                io.set("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()));
                gsis.add(io);
            } else {
                lsis.add(io);
            }
        }
        if (!gsis.isEmpty()) {
            o.set("GlobalSecondaryIndexes", gsis);
        }
        if (!lsis.isEmpty()) {
            o.set("LocalSecondaryIndexes", lsis);
        }
        TableDefinition.StreamSettings s = d.stream();
        if (s.enabled()) {
            o.putObject("StreamSpecification")
                    .put("StreamEnabled", true)
                    .put("StreamViewType", s.viewType());
        }
        if (s.label() != null) {
            o.put("LatestStreamLabel", s.label());
            o.put("LatestStreamArn", s.arn());
        }
        if (d.sseEnabled()) {
            ObjectNode sse =
                    o.putObject("SSEDescription").put("Status", "ENABLED").put("SSEType", "KMS");
            sse.put(
                    "KMSMasterKeyArn",
                    d.kmsKeyArn() != null
                            ? d.kmsKeyArn()
                            : "arn:aws:kms:us-east-1:000000000000:key/orderflow-local");
        }
        o.put("DeletionProtectionEnabled", d.deletionProtection());
        return o;
    }

    /**
     * The members DescribeTable adds for a replica of a global table (version 2019.11.21): {@code
     * Replicas} and {@code GlobalTableVersion}, and {@code MultiRegionConsistency} for MRSC.
     */
    static void addReplicas(ObjectNode table, ReplicaHooks.GlobalTable g) {
        ArrayNode replicas = table.putArray("Replicas");
        for (String region : g.otherRegions()) {
            replicas.addObject().put("RegionName", region).put("ReplicaStatus", "ACTIVE");
        }
        table.put("GlobalTableVersion", "2019.11.21");
        if (g.strong()) {
            table.put("MultiRegionConsistency", "STRONG");
        }
    }

    private static long indexBytes(Table t, ItemStore store) {
        // Index items are projections; their size is estimated from the table's average item.
        long count = t.primary().count();
        return count == 0 ? 0 : t.primary().bytes() * store.count() / count;
    }

    static ArrayNode keySchema(KeySchema k) {
        ArrayNode a = F.arrayNode();
        a.addObject().put("AttributeName", k.hash()).put("KeyType", "HASH");
        if (k.hasRange()) {
            a.addObject().put("AttributeName", k.range()).put("KeyType", "RANGE");
        }
        return a;
    }

    private static ObjectNode tableThroughput(Table t, Instant now) {
        TableDefinition d = t.definition();
        ThroughputChanges changes = t.throughputChanges();
        ObjectNode o = throughput(d.readCapacity(), d.writeCapacity());
        o.put("NumberOfDecreasesToday", changes.decreasesToday(now));
        changes.lastIncrease().ifPresent(at -> o.put("LastIncreaseDateTime", epochSeconds(at)));
        changes.lastDecrease().ifPresent(at -> o.put("LastDecreaseDateTime", epochSeconds(at)));
        return o;
    }

    private static double epochSeconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private static ObjectNode throughput(long read, long write) {
        return F.objectNode()
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", read)
                .put("WriteCapacityUnits", write);
    }
}
