package dev.orderflow.dynamodb.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dynamodb.internal.Engine;
import dev.orderflow.dynamodb.internal.Req;
import dev.orderflow.dynamodb.internal.error.ApiException;
import dev.orderflow.dynamodb.internal.stream.StreamLog;
import dev.orderflow.dynamodb.internal.table.IndexDefinition;
import dev.orderflow.dynamodb.internal.table.KeySchema;
import dev.orderflow.dynamodb.internal.table.Table;
import dev.orderflow.dynamodb.internal.table.TableDefinition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** CreateTable, DescribeTable, ListTables and DeleteTable. */
public final class TableOps {
    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Engine engine;

    public TableOps(Engine engine) {
        this.engine = engine;
    }

    public void register() {
        engine.register("CreateTable", this::createTable);
        engine.register("DescribeTable", this::describeTable);
        engine.register("ListTables", this::listTables);
        engine.register("DeleteTable", this::deleteTable);
        engine.register("UpdateTable", new UpdateTableOp(engine)::invoke);
    }

    ObjectNode createTable(Req r) {
        String name = r.tableName();
        JsonNode tags = r.array("Tags");
        return engine.write(
                () -> {
                    TableDefinition def = parseDefinition(r, name);
                    if (engine.tables().containsKey(name)
                            || engine.deletingTables().containsKey(name)) {
                        throw ApiException.resourceInUse("Table already exists: " + name);
                    }
                    engine.forgetDeleting(name);
                    Table t = create(def);
                    engine.lifecycleDeadline().ifPresent(t.lifecycle()::creating);
                    if (tags != null) {
                        tags.forEach(
                                tag ->
                                        t.tags()
                                                .put(
                                                        tag.path("Key").asText(),
                                                        tag.path("Value").asText()));
                    }
                    engine.journalTable(t);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.set(
                            "TableDescription",
                            TableDescriber.describe(t, engine.clock().instant()));
                    return out;
                });
    }

    /** Installs a table (also used when recovering from the journal). */
    public Table create(TableDefinition def) {
        Table t = new Table(def, null);
        if (def.stream().enabled()) {
            t.stream(streamFor(def));
        }
        engine.tables().put(def.name(), t);
        return t;
    }

    /** The stream log for the table's current stream settings, created on first use. */
    public StreamLog streamFor(TableDefinition def) {
        TableDefinition.StreamSettings s = def.stream();
        StreamLog log = engine.streams().get(s.arn());
        if (log == null) {
            log =
                    new StreamLog(
                            engine.streamSequence(),
                            s.arn(),
                            s.label(),
                            def.name(),
                            s.viewType(),
                            engine.clock().instant());
            engine.streams().put(s.arn(), log);
        }
        return log;
    }

    /**
     * Stream settings whose ARN no other stream of this engine has used (a table re-created, or a
     * stream re-enabled, within the same millisecond of a fixed test clock gets a later label).
     */
    TableDefinition.StreamSettings uniqueStream(JsonNode spec, String tableArn) {
        Instant at = engine.clock().instant();
        TableDefinition.StreamSettings s = streamSettings(spec, tableArn, at);
        while (s.enabled() && engine.streams().containsKey(s.arn())) {
            at = at.plusMillis(1);
            s = streamSettings(spec, tableArn, at);
        }
        return s;
    }

    static TableDefinition.StreamSettings streamSettings(
            JsonNode spec, String tableArn, Instant now) {
        if (spec == null || spec.isNull() || !spec.path("StreamEnabled").asBoolean(false)) {
            if (spec != null
                    && !spec.isNull()
                    && spec.has("StreamViewType")
                    && !spec.path("StreamEnabled").asBoolean(false)) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: StreamSpecification: The"
                                + " StreamViewType cannot be specified when StreamEnabled is false");
            }
            return TableDefinition.StreamSettings.NONE;
        }
        String view = spec.path("StreamViewType").asText(null);
        if (view == null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: StreamSpecification: The"
                            + " StreamViewType must be specified when StreamEnabled is true");
        }
        if (!List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY").contains(view)) {
            throw Req.constraint(
                    view,
                    "streamSpecification.streamViewType",
                    "Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        String label = LABEL.format(now);
        return new TableDefinition.StreamSettings(true, view, label, tableArn + "/stream/" + label);
    }

    private TableDefinition parseDefinition(Req r, String name) {
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
        checkAttributes(key, indexes, types);
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
                uniqueStream(r.object("StreamSpecification"), arn),
                sseEnabled,
                sseEnabled ? sse.path("SSEType").asText("KMS") : null,
                sseEnabled ? sse.path("KMSMasterKeyId").asText(null) : null,
                r.bool("DeletionProtectionEnabled", false),
                now);
    }

    /** Every key attribute must be defined, and every definition must be used by a key. */
    static void checkAttributes(
            KeySchema key, List<IndexDefinition> indexes, Map<String, String> types) {
        Set<String> used = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<KeySchema> keys = new ArrayList<>();
        keys.add(key);
        for (IndexDefinition i : indexes) {
            if (!names.add(i.name())) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Duplicate index name: "
                                + i.name());
            }
            keys.add(i.key());
        }
        for (KeySchema k : keys) {
            for (String a : new String[] {k.hash(), k.range()}) {
                if (a == null) {
                    continue;
                }
                if (!types.containsKey(a)) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Some index key attributes are"
                                    + " not defined in AttributeDefinitions. Keys: ["
                                    + a
                                    + "], AttributeDefinitions: "
                                    + types.keySet().toString());
                }
                used.add(a);
            }
        }
        if (!used.containsAll(types.keySet())) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Number of attributes in KeySchema"
                            + " does not exactly match number of attributes defined in"
                            + " AttributeDefinitions");
        }
    }

    ObjectNode describeTable(Req r) {
        String name = r.tableName();
        return engine.read(
                () -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    Engine.DeletingTable gone = engine.deletingTables().get(name);
                    if (gone != null && !engine.tables().containsKey(name)) {
                        out.set("Table", gone.description());
                        return out;
                    }
                    Table t = engine.namedTable(name);
                    out.set("Table", TableDescriber.describe(t, engine.clock().instant()));
                    return out;
                });
    }

    ObjectNode listTables(Req r) {
        String start = r.string("ExclusiveStartTableName");
        Integer limit = r.integer("Limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw Req.constraint(
                    limit,
                    "limit",
                    limit < 1
                            ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 100");
        }
        int max = limit == null ? 100 : limit;
        return engine.read(
                () -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode names = out.putArray("TableNames");
                    // Tables still DELETING are listed until they are gone, as DynamoDB lists them.
                    TreeSet<String> all = new TreeSet<>(engine.tables().keySet());
                    all.addAll(engine.deletingTables().keySet());
                    var candidates = start == null ? all : all.tailSet(start, false);
                    String last = null;
                    for (String n : candidates) {
                        if (names.size() == max) {
                            out.put("LastEvaluatedTableName", last);
                            break;
                        }
                        names.add(n);
                        last = n;
                    }
                    return out;
                });
    }

    ObjectNode deleteTable(Req r) {
        String name = r.tableName();
        return engine.write(
                () -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    Engine.DeletingTable gone = engine.deletingTables().get(name);
                    if (gone != null && !engine.tables().containsKey(name)) {
                        // Deleting a table that is already DELETING is not an error.
                        out.set("TableDescription", gone.description());
                        return out;
                    }
                    Table t = engine.namedTable(name);
                    refuseWhileChanging(t, name, engine.clock().instant());
                    if (t.definition().deletionProtection()) {
                        throw ApiException.validation(
                                "Resource cannot be deleted as it is currently protected against"
                                        + " deletion. Disable deletion protection first.");
                    }
                    ObjectNode description =
                            TableDescriber.describe(t, "DELETING", engine.clock().instant());
                    out.set("TableDescription", description);
                    engine.tables().remove(name);
                    engine.lifecycleDeadline()
                            .ifPresent(
                                    until ->
                                            engine.markDeleting(
                                                    name,
                                                    new Engine.DeletingTable(description, until)));
                    if (t.stream() != null) {
                        t.stream().disable();
                    }
                    engine.journalDrop(name);
                    return out;
                });
    }

    /**
     * DynamoDB refuses to change a table that is still CREATING or UPDATING (DeleteTable and
     * UpdateTable API reference; the messages as DynamoDB words them in public error reports).
     */
    static void refuseWhileChanging(Table t, String name, Instant now) {
        switch (t.lifecycle().status(now)) {
            case CREATING ->
                    throw ApiException.resourceInUse(
                            "Attempt to change a resource which is still in use: Table is being"
                                    + " created: "
                                    + name);
            case UPDATING ->
                    throw ApiException.resourceInUse(
                            "Attempt to change a resource which is still in use: Table is being"
                                    + " updated: "
                                    + name);
            case ACTIVE -> {}
        }
    }
}
