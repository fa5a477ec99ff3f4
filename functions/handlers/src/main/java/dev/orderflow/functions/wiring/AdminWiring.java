package dev.orderflow.functions.wiring;

import static dev.orderflow.functions.wiring.EnvironmentVariable.CENTERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.INVENTORY_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.ORDERS_TABLE;
import static dev.orderflow.functions.wiring.EnvironmentVariable.PRODUCTS_TABLE;

import dev.orderflow.adapters.aws.dynamodb.DynamoCatalogStore;
import dev.orderflow.adapters.aws.dynamodb.DynamoCenterDirectory;
import dev.orderflow.adapters.aws.dynamodb.DynamoOrdersByStatus;
import dev.orderflow.adapters.aws.dynamodb.DynamoStockLedger;
import dev.orderflow.domain.catalog.ManageCatalog;
import dev.orderflow.domain.centers.ManageCenters;
import dev.orderflow.domain.inventory.AdjustStock;
import dev.orderflow.domain.order.BrowseOrdersByStatus;

/**
 * The admin use cases over the execution environment's one DynamoDB client ({@link
 * AwsWiring#dynamoDb()}); table names come from the function's environment, read here only.
 */
public final class AdminWiring {

    private AdminWiring() {}

    /** Products, active or not, in the table named by {@code PRODUCTS_TABLE}. */
    public static ManageCatalog manageCatalog() {
        return new ManageCatalog(catalog());
    }

    /** Fulfillment centers in the table named by {@code CENTERS_TABLE}. */
    public static ManageCenters manageCenters() {
        return new ManageCenters(centers());
    }

    /**
     * Stock in the table named by {@code INVENTORY_TABLE}, checked against the products and
     * centers.
     */
    public static AdjustStock adjustStock() {
        return new AdjustStock(
                catalog(),
                centers(),
                new DynamoStockLedger(
                        AwsWiring.dynamoDb(),
                        Environment.require(INVENTORY_TABLE),
                        AwsWiring.stockConsistency()),
                AwsWiring.here());
    }

    /** Every customer's orders by status, over the orders table's {@code byStatus} index. */
    public static BrowseOrdersByStatus browseOrdersByStatus() {
        return new BrowseOrdersByStatus(
                new DynamoOrdersByStatus(AwsWiring.dynamoDb(), Environment.require(ORDERS_TABLE)));
    }

    private static DynamoCatalogStore catalog() {
        return new DynamoCatalogStore(AwsWiring.dynamoDb(), Environment.require(PRODUCTS_TABLE));
    }

    private static DynamoCenterDirectory centers() {
        return new DynamoCenterDirectory(AwsWiring.dynamoDb(), Environment.require(CENTERS_TABLE));
    }
}
