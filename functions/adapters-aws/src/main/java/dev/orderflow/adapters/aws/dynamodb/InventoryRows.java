package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads of the inventory table in the layout {@link DynamoStockReservations} writes ({@code sku},
 * {@code centerId}, {@code available}, {@code reserved}).
 */
final class InventoryRows {

    private InventoryRows() {}

    /** Every center's row for the product, read consistently across all result pages. */
    static List<Map<String, AttributeValue>> ofSku(
            DynamoDbClient dynamo, String inventoryTable, Sku sku) {
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(inventoryTable)
                        .keyConditionExpression("sku = :sku")
                        .expressionAttributeValues(
                                Map.of(":sku", AttributeValue.fromS(sku.value())))
                        .consistentRead(true)
                        .build();
        return DynamoErrors.translate(
                "inventory table",
                () -> {
                    List<Map<String, AttributeValue>> rows = new ArrayList<>();
                    dynamo.queryPaginator(query).items().forEach(rows::add);
                    return rows;
                });
    }
}
