package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Orders in the orders table, created once and updated under an optimistic lock on {@code version}.
 */
public final class DynamoOrderRepository implements OrderRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrderRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean create(Order order) {
        return conditionalPut(
                PutItemRequest.builder()
                        .tableName(table)
                        .item(OrderItem.toItem(order))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build());
    }

    @Override
    public Optional<Order> find(OrderId id) {
        Map<String, AttributeValue> key =
                Map.of(
                        "pk", AttributeValue.fromS(OrderKeys.pk(id)),
                        "sk", AttributeValue.fromS(OrderItem.SK));
        GetItemResponse response =
                DynamoErrors.translate(
                        "orders table",
                        () ->
                                dynamo.getItem(
                                        g -> g.tableName(table).consistentRead(true).key(key)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OrderItem.fromItem(response.item()));
    }

    @Override
    public boolean update(Order order) {
        String expected = Long.toString(order.version() - 1);
        return conditionalPut(
                PutItemRequest.builder()
                        .tableName(table)
                        .item(OrderItem.toItem(order))
                        .conditionExpression("#version = :expected")
                        .expressionAttributeNames(Map.of("#version", "version"))
                        .expressionAttributeValues(
                                Map.of(":expected", AttributeValue.fromN(expected)))
                        .build());
    }

    /** True if written, false if the condition failed. */
    private boolean conditionalPut(PutItemRequest request) {
        try {
            DynamoErrors.translate("orders table", () -> dynamo.putItem(request));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
