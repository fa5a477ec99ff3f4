package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.inventory.StockLevel;
import dev.orderflow.domain.inventory.StockLevels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stock levels from the inventory table: one query per product over its centers. */
public final class DynamoStockLevels implements StockLevels {

    private final DynamoDbClient dynamo;
    private final String inventoryTable;

    public DynamoStockLevels(DynamoDbClient dynamo, String inventoryTable) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.inventoryTable = Objects.requireNonNull(inventoryTable, "inventoryTable");
    }

    @Override
    public List<StockLevel> levelsOf(Set<Sku> skus) {
        List<StockLevel> levels = new ArrayList<>();
        for (Sku sku : skus) {
            List<Map<String, AttributeValue>> rows =
                    InventoryRows.ofSku(dynamo, inventoryTable, sku);
            rows.forEach(
                    item ->
                            levels.add(
                                    new StockLevel(
                                            sku,
                                            new CenterId(item.get("centerId").s()),
                                            Math.max(
                                                    0,
                                                    Integer.parseInt(
                                                            item.getOrDefault(
                                                                            "available",
                                                                            AttributeValue.fromN(
                                                                                    "0"))
                                                                    .n())))));
        }
        return levels;
    }
}
