package dev.orderflow.adapters.aws.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The conditional shard-row updates that stock corrections and resharding write together. */
final class ShardWrites {

    /** Takes {@code :u} units from a shard row that still holds them. */
    static final String TAKE = "SET available = available - :u";

    /** Gives {@code :u} units to a shard row, creating it at zero reserved if it is new. */
    static final String GIVE = "ADD available :u SET reserved = if_not_exists(reserved, :zero)";

    private ShardWrites() {}

    /** Takes units from the shard, on condition that it still holds them. */
    static TransactWriteItem take(String table, String sku, String center, int shard, long units) {
        return TransactWriteItem.builder()
                .update(
                        u ->
                                u.tableName(table)
                                        .key(InventoryLayout.key(sku, center, shard))
                                        .updateExpression(TAKE)
                                        .conditionExpression("available >= :u")
                                        .expressionAttributeValues(Map.of(":u", number(units))))
                .build();
    }

    /** Gives units to the shard, on condition that its count stays a 32-bit number. */
    static TransactWriteItem give(String table, String sku, String center, int shard, long units) {
        return TransactWriteItem.builder()
                .update(
                        u ->
                                u.tableName(table)
                                        .key(InventoryLayout.key(sku, center, shard))
                                        .updateExpression(GIVE)
                                        .conditionExpression(
                                                "attribute_not_exists(available) OR available <= :ceiling")
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":u", number(units),
                                                        ":zero", number(0),
                                                        ":ceiling",
                                                                number(Integer.MAX_VALUE - units))))
                .build();
    }

    /** Runs the writes as one transaction. */
    static void transact(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        DynamoErrors.translate(
                "inventory table", () -> dynamo.transactWriteItems(t -> t.transactItems(items)));
    }

    /** Whether any of the transaction's items failed its condition. */
    static boolean failedACondition(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
