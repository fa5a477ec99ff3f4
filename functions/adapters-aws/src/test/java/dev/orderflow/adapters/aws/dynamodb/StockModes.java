package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.inventory.StockReservations;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The inventory adapters as the wiring builds them for each {@link StockConsistency}. */
final class StockModes {

    private StockModes() {}

    static StockReservations reservations(
            StockConsistency consistency, DynamoDbClient dynamo, String inventory, String orders) {
        return switch (consistency) {
            case EVENTUAL -> new DynamoStockReservations(dynamo, inventory, orders);
            case STRONG -> new LineByLineStockReservations(dynamo, inventory, orders);
        };
    }
}
