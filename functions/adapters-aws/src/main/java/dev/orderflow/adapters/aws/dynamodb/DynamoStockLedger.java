package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.inventory.StockLedger;
import dev.orderflow.domain.inventory.StockPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Stock corrections on the inventory table, in the layout {@link DynamoStockReservations} writes
 * ({@code sku}, {@code centerId}, {@code available}, {@code reserved}). An adjustment is one {@code
 * UpdateItem ADD available :delta}: DynamoDB applies it atomically to whatever the row holds at
 * that moment, so it composes with the saga's concurrent conditional reservations instead of
 * overwriting them. A removal carries the condition {@code available >= -delta}, so the row never
 * goes negative; an addition one that keeps the count within 32 bits.
 */
public final class DynamoStockLedger implements StockLedger {

    private final DynamoDbClient dynamo;
    private final String inventoryTable;

    public DynamoStockLedger(DynamoDbClient dynamo, String inventoryTable) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.inventoryTable = Objects.requireNonNull(inventoryTable, "inventoryTable");
    }

    @Override
    public List<StockPosition> positionsOf(Sku sku) {
        List<StockPosition> positions = new ArrayList<>();
        InventoryRows.ofSku(dynamo, inventoryTable, sku).forEach(i -> positions.add(position(i)));
        return positions;
    }

    @Override
    public StockPosition adjust(Sku sku, CenterId center, int delta) {
        UpdateItemRequest.Builder update =
                UpdateItemRequest.builder()
                        .tableName(inventoryTable)
                        .key(
                                Map.of(
                                        "sku", AttributeValue.fromS(sku.value()),
                                        "centerId", AttributeValue.fromS(center.value())))
                        .updateExpression(
                                "ADD available :delta SET reserved = if_not_exists(reserved, :zero)")
                        .returnValues(ReturnValue.ALL_NEW);
        if (delta < 0) {
            update.conditionExpression("available >= :removed")
                    .expressionAttributeValues(
                            Map.of(
                                    ":delta", number(delta),
                                    ":zero", number(0),
                                    ":removed", number(-(long) delta)));
        } else {
            // Adding cannot make the row negative; the bound keeps it a 32-bit count.
            update.conditionExpression("attribute_not_exists(available) OR available <= :ceiling")
                    .expressionAttributeValues(
                            Map.of(
                                    ":delta", number(delta),
                                    ":zero", number(0),
                                    ":ceiling", number((long) Integer.MAX_VALUE - delta)));
        }
        update.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        UpdateItemRequest request = update.build();
        try {
            UpdateItemResponse response =
                    DynamoErrors.translate("inventory table", () -> dynamo.updateItem(request));
            return position(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            int available =
                    e.hasItem() && e.item().get("available") != null
                            ? Math.max(0, Integer.parseInt(e.item().get("available").n()))
                            : 0;
            if (delta > 0) {
                throw InvalidInput.of(
                        "delta", "would take the stock beyond " + Integer.MAX_VALUE + " units");
            }
            throw new InsufficientStock(
                    List.of(new InsufficientStock.Shortfall(sku.value(), -delta, available)));
        } catch (TransactionConflictException e) {
            // The row is in a reservation transaction right now; nothing was applied: retryable.
            throw new DependencyUnavailable("inventory table", e);
        }
    }

    private static StockPosition position(Map<String, AttributeValue> item) {
        return new StockPosition(
                new Sku(item.get("sku").s()),
                new CenterId(item.get("centerId").s()),
                Math.max(0, count(item, "available")),
                Math.max(0, count(item, "reserved")));
    }

    private static int count(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
