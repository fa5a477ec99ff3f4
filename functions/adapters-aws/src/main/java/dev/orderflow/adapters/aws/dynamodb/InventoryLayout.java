package dev.orderflow.adapters.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where stock lives in the inventory table (partition key {@code sku}, sort key {@code centerId}).
 * A product's units at a center are a row per stock shard, each row holding {@code available} and
 * {@code reserved}. Shard 0 is the row {@code (SKU, center)}, as for a product that is not sharded;
 * shard i > 0 is {@code (SKU#i, center)}: a partition key of its own, so a hot product's shards
 * hash to different partitions and its reservations to different rows. A product's shard settings
 * are the row {@code (SKU, #shards)}: {@code shards} (how many new reservations spread over) and
 * {@code span} (how many shard rows may hold units: at least {@code shards}, more after the count
 * was lowered until the rows beyond it are empty). SKUs have no {@code #}, so no key collides.
 */
final class InventoryLayout {

    /** The sort key of a product's shard settings row; no center id starts with {@code #}. */
    static final String SETTINGS_ROW = "#shards";

    private InventoryLayout() {}

    /** The partition key value of a product's shard. */
    static String partition(String sku, int shard) {
        return shard == 0 ? sku : sku + "#" + shard;
    }

    /** The key of a product's shard row at a center. */
    static Map<String, AttributeValue> key(String sku, String center, int shard) {
        return Map.of(
                "sku",
                AttributeValue.fromS(partition(sku, shard)),
                "centerId",
                AttributeValue.fromS(center));
    }

    /** The key of a product's shard settings row. */
    static Map<String, AttributeValue> settingsKey(String sku) {
        return key(sku, SETTINGS_ROW, 0);
    }
}
