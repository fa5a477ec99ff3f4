package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.DependencyUnavailable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads a product's stock, every shard at every center, in the {@link InventoryLayout}. */
final class InventoryRows {

    /** BatchGetItem's limit on keys per call. */
    private static final int BATCH_KEYS = 100;

    /** Rounds of retrying the keys DynamoDB left unprocessed (throttling) before giving up. */
    private static final int BATCH_ROUNDS = 8;

    private InventoryRows() {}

    /** One shard row's counts (0 for a row that does not exist). */
    record ShardRow(int available, int reserved) {
        static final ShardRow EMPTY = new ShardRow(0, 0);

        static ShardRow of(Map<String, AttributeValue> item) {
            return new ShardRow(
                    Math.max(0, count(item, "available")), Math.max(0, count(item, "reserved")));
        }
    }

    /**
     * A product's stock as read.
     *
     * @param shards how many shards new reservations spread over
     * @param span how many shard rows may hold units
     * @param centers per center id (in order), its shard rows, {@code span} of them
     */
    record ProductStock(int shards, int span, Map<String, List<ShardRow>> centers) {}

    /** The product's shard settings: {@code [shards, span]}, {@code [1, 1]} if never sharded. */
    static int[] settings(Map<String, AttributeValue> item) {
        int shards = Math.max(1, count(item, "shards"));
        return new int[] {shards, Math.max(shards, count(item, "span"))};
    }

    /** The product's shard settings, read consistently: {@code [shards, span]}. */
    static int[] settingsOf(DynamoDbClient dynamo, String inventoryTable, Sku sku) {
        return settings(
                DynamoErrors.translate(
                                "inventory table",
                                () ->
                                        dynamo.getItem(
                                                g ->
                                                        g.tableName(inventoryTable)
                                                                .key(
                                                                        InventoryLayout.settingsKey(
                                                                                sku.value()))
                                                                .consistentRead(true)))
                        .item());
    }

    /**
     * Every shard of the product at every center, read consistently: one query of the product's own
     * partition (its settings and each center's shard 0), then the other shards by key.
     */
    static ProductStock read(DynamoDbClient dynamo, String inventoryTable, Sku sku) {
        return read(dynamo, inventoryTable, sku, true);
    }

    /**
     * As {@link #read(DynamoDbClient, String, Sku)}, with eventually consistent reads when {@code
     * consistent} is false (half the read units; may miss writes of the last moment).
     */
    static ProductStock read(
            DynamoDbClient dynamo, String inventoryTable, Sku sku, boolean consistent) {
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(inventoryTable)
                        .keyConditionExpression("sku = :sku")
                        .expressionAttributeValues(
                                Map.of(":sku", AttributeValue.fromS(sku.value())))
                        .consistentRead(consistent)
                        .build();
        List<Map<String, AttributeValue>> rows =
                DynamoErrors.translate(
                        "inventory table",
                        () -> {
                            List<Map<String, AttributeValue>> items = new ArrayList<>();
                            dynamo.queryPaginator(query).items().forEach(items::add);
                            return items;
                        });
        int[] settings = {1, 1};
        Map<String, List<ShardRow>> centers = new TreeMap<>();
        for (Map<String, AttributeValue> row : rows) {
            String center = row.get("centerId").s();
            if (InventoryLayout.SETTINGS_ROW.equals(center)) {
                settings = settings(row);
            } else {
                centers.put(center, new ArrayList<>(List.of(ShardRow.of(row))));
            }
        }
        int span = settings[1];
        if (span > 1 && !centers.isEmpty()) {
            Map<String, ShardRow> others =
                    otherShards(dynamo, inventoryTable, sku, centers, span, consistent);
            centers.forEach(
                    (center, shards) -> {
                        for (int shard = 1; shard < span; shard++) {
                            shards.add(
                                    others.getOrDefault(
                                            InventoryLayout.partition(sku.value(), shard)
                                                    + "|"
                                                    + center,
                                            ShardRow.EMPTY));
                        }
                    });
        }
        return new ProductStock(settings[0], span, centers);
    }

    /**
     * Shards 1 to span-1 at each center, by "partition|center"; rows that do not exist are absent.
     */
    private static Map<String, ShardRow> otherShards(
            DynamoDbClient dynamo,
            String inventoryTable,
            Sku sku,
            Map<String, List<ShardRow>> centers,
            int span,
            boolean consistent) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String center : centers.keySet()) {
            for (int shard = 1; shard < span; shard++) {
                keys.add(InventoryLayout.key(sku.value(), center, shard));
            }
        }
        Map<String, ShardRow> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH_KEYS) {
            List<Map<String, AttributeValue>> pending =
                    keys.subList(from, Math.min(keys.size(), from + BATCH_KEYS));
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == BATCH_ROUNDS) {
                    throw new DependencyUnavailable(
                            "inventory table",
                            new IllegalStateException(
                                    pending.size() + " shard rows left unprocessed"));
                }
                backOff(round);
                List<Map<String, AttributeValue>> batch = pending;
                BatchGetItemResponse response =
                        DynamoErrors.translate(
                                "inventory table",
                                () ->
                                        dynamo.batchGetItem(
                                                b ->
                                                        b.requestItems(
                                                                Map.of(
                                                                        inventoryTable,
                                                                        KeysAndAttributes.builder()
                                                                                .keys(batch)
                                                                                .consistentRead(
                                                                                        consistent)
                                                                                .build()))));
                response.responses()
                        .getOrDefault(inventoryTable, List.of())
                        .forEach(
                                item ->
                                        found.put(
                                                item.get("sku").s()
                                                        + "|"
                                                        + item.get("centerId").s(),
                                                ShardRow.of(item)));
                KeysAndAttributes left = response.unprocessedKeys().get(inventoryTable);
                pending = left == null ? List.of() : left.keys();
            }
        }
        return found;
    }

    /** Waits before a retry of unprocessed keys, doubling from 10 ms; not before the first try. */
    private static void backOff(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(10L << Math.min(round, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailable("inventory table", e);
        }
    }

    static int count(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }
}
