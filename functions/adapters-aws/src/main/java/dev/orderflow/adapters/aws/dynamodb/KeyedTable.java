package dev.orderflow.adapters.aws.dynamodb;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Whole-item reads and writes on a table keyed by one string attribute, with SDK failures
 * translated ({@link DynamoErrors}) under the table's name.
 */
final class KeyedTable {

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final String dependency;
    private final String keyName;

    /**
     * @param dependency what failures name, e.g. {@code products table}
     * @param keyName the partition key attribute
     */
    KeyedTable(DynamoDbClient dynamo, String tableName, String dependency, String keyName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "table");
        this.dependency = dependency;
        this.keyName = keyName;
    }

    /** The item under the key, read consistently; empty when there is none. */
    Optional<Map<String, AttributeValue>> read(String key) {
        GetItemResponse response =
                DynamoErrors.translate(
                        dependency,
                        () ->
                                dynamo.getItem(
                                        g ->
                                                g.tableName(tableName)
                                                        .consistentRead(true)
                                                        .key(keyOf(key))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(response.item());
    }

    /**
     * Writes the whole item with one unconditional {@code PutItem}; true when it created the item,
     * false when it replaced one (told by the old image, so no racy read first).
     */
    boolean replace(Map<String, AttributeValue> item) {
        PutItemResponse response =
                DynamoErrors.translate(
                        dependency,
                        () ->
                                dynamo.putItem(
                                        p ->
                                                p.tableName(tableName)
                                                        .item(item)
                                                        .returnValues(ReturnValue.ALL_OLD)));
        return !response.hasAttributes() || response.attributes().isEmpty();
    }

    /**
     * Writes the whole item with a {@code PutItem} carrying the condition; false, with nothing
     * written, when the condition does not hold.
     *
     * @param values the condition's {@code :placeholders}, or none (an empty map is left out of the
     *     request: DynamoDB rejects one)
     */
    boolean putIf(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, AttributeValue> values) {
        try {
            DynamoErrors.translate(
                    dependency,
                    () ->
                            dynamo.putItem(
                                    p -> {
                                        p.tableName(tableName)
                                                .item(item)
                                                .conditionExpression(condition);
                                        if (!values.isEmpty()) {
                                            p.expressionAttributeValues(values);
                                        }
                                    }));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Deletes the item under the key, if there is one. */
    void delete(String key) {
        DynamoErrors.translate(
                dependency, () -> dynamo.deleteItem(d -> d.tableName(tableName).key(keyOf(key))));
    }

    private Map<String, AttributeValue> keyOf(String key) {
        return Map.of(keyName, AttributeValue.fromS(key));
    }
}
