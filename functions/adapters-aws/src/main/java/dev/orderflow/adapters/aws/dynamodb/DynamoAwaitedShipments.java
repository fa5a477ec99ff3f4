package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.shipping.AwaitedShipments;
import dev.orderflow.domain.shipping.TaskToken;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Awaited shipments in the order's item collection of the orders table: {@code sk =
 * SHIPMENT#<centerId>} with the waiting step's {@code taskToken}. One unconditional {@code PutItem}
 * per hand-over (a redelivery writes the same token again); the orders stream's filter passes only
 * order inserts, so these items start nothing.
 */
public final class DynamoAwaitedShipments implements AwaitedShipments {

    /** The sort key prefix of a shipment item. */
    static final String SK_PREFIX = "SHIPMENT#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAwaitedShipments(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void await(OrderId order, CenterId center, TaskToken token) {
        Map<String, AttributeValue> item = new HashMap<>(key(order, center));
        item.put("taskToken", AttributeValue.fromS(token.value()));
        DynamoErrors.translate(
                "orders table", () -> dynamo.putItem(p -> p.tableName(table).item(item)));
    }

    @Override
    public Optional<TaskToken> find(OrderId order, CenterId center) {
        GetItemResponse response =
                DynamoErrors.translate(
                        "orders table",
                        () ->
                                dynamo.getItem(
                                        g ->
                                                g.tableName(table)
                                                        .consistentRead(true)
                                                        .key(key(order, center))));
        if (!response.hasItem() || !response.item().containsKey("taskToken")) {
            return Optional.empty();
        }
        return Optional.of(new TaskToken(response.item().get("taskToken").s()));
    }

    private static Map<String, AttributeValue> key(OrderId order, CenterId center) {
        return Map.of(
                "pk", AttributeValue.fromS(OrderKeys.pk(order)),
                "sk", AttributeValue.fromS(SK_PREFIX + center.value()));
    }
}
