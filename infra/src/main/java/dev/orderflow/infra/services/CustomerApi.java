package dev.orderflow.infra.services;

import static dev.orderflow.infra.services.Functions.allow;

import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.ServiceFunction;
import java.util.Map;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;

/** The routes a shopper uses: health, catalog, identity and their own orders. */
public final class CustomerApi {

    private static final String PACKAGE = "dev.orderflow.functions.";

    private CustomerApi() {}

    public static void wire(Functions functions, DataTables tables, HttpApiGateway api) {
        ServiceFunction health =
                functions.create("Health", PACKAGE + "health.HealthHandler", Map.of());
        api.addPublicRoute(HttpMethod.GET, "/health", health);

        ServiceFunction listProducts =
                functions.create(
                        "ListProducts",
                        PACKAGE + "catalog.ListProductsHandler",
                        Map.of("PRODUCTS_TABLE", tables.products.getTableName()));
        allow(listProducts, tables.products.getTableArn(), "dynamodb:Scan");
        api.addPublicRoute(HttpMethod.GET, "/products", listProducts);

        ServiceFunction describeCaller =
                functions.create(
                        "DescribeCaller", PACKAGE + "identity.DescribeCallerHandler", Map.of());
        api.addAuthenticatedRoute(HttpMethod.GET, "/me", describeCaller);

        ServiceFunction placeOrder =
                functions.create(
                        "PlaceOrder",
                        PACKAGE + "orders.PlaceOrderHandler",
                        Map.of(
                                "ORDERS_TABLE", tables.orders.getTableName(),
                                "PRODUCTS_TABLE", tables.products.getTableName(),
                                "IDEMPOTENCY_TABLE", tables.idempotency.getTableName()));
        allow(placeOrder, tables.products.getTableArn(), "dynamodb:BatchGetItem");
        allow(placeOrder, tables.idempotency.getTableArn(), "dynamodb:PutItem", "dynamodb:GetItem");
        allow(placeOrder, tables.orders.getTableArn(), "dynamodb:PutItem", "dynamodb:GetItem");
        api.addAuthenticatedRoute(HttpMethod.POST, "/orders", placeOrder);

        ServiceFunction getOrder =
                functions.create(
                        "GetOrder",
                        PACKAGE + "orders.GetOrderHandler",
                        Map.of("ORDERS_TABLE", tables.orders.getTableName()));
        // The order, then its event trail from the same item collection.
        allow(getOrder, tables.orders.getTableArn(), "dynamodb:GetItem", "dynamodb:Query");
        api.addAuthenticatedRoute(HttpMethod.GET, "/orders/{id}", getOrder);

        ServiceFunction listOrders =
                functions.create(
                        "ListOrders",
                        PACKAGE + "orders.ListOrdersHandler",
                        Map.of("ORDERS_TABLE", tables.orders.getTableName()));
        allow(listOrders, tables.orders.getTableArn() + "/index/byCustomer", "dynamodb:Query");
        api.addAuthenticatedRoute(HttpMethod.GET, "/orders", listOrders);

        ServiceFunction cancelOrder =
                functions.create(
                        "CancelOrder",
                        PACKAGE + "orders.CancelOrderHandler",
                        Map.of("ORDERS_TABLE", tables.orders.getTableName()));
        allow(cancelOrder, tables.orders.getTableArn(), SagaSteps.ORDER_WRITES);
        api.addAuthenticatedRoute(HttpMethod.POST, "/orders/{id}/cancel", cancelOrder);
    }
}
