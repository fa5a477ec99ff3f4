package dev.orderflow.infra.services;

import static dev.orderflow.infra.services.Functions.allow;

import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.ServiceFunction;
import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;

/**
 * The routes operations staff use: the catalog, fulfillment centers, stock and every customer's
 * orders. Each needs a token with the {@code orderflow/admin} scope, which API Gateway checks; the
 * handlers check that the caller is an admin too.
 */
public final class AdminApi {

    /** The scope every admin route requires (see {@code Identity}). */
    public static final String ADMIN_SCOPE = "orderflow/admin";

    private AdminApi() {}

    public static void wire(Functions functions, DataTables tables, HttpApiGateway api) {
        String products = tables.products.getTableArn();
        String centers = tables.fulfillmentCenters.getTableArn();
        String inventory = tables.inventory.getTableArn();
        String orders = tables.orders.getTableArn();

        ServiceFunction listProducts = functions.create("AdminListProducts");
        allow(listProducts, products, "dynamodb:Scan");
        route(api, HttpMethod.GET, "/admin/products", listProducts);

        ServiceFunction putProduct = functions.create("AdminPutProduct");
        allow(putProduct, products, "dynamodb:PutItem");
        route(api, HttpMethod.PUT, "/admin/products/{sku}", putProduct);

        ServiceFunction listCenters = functions.create("AdminListCenters");
        allow(listCenters, centers, "dynamodb:Scan");
        route(api, HttpMethod.GET, "/admin/centers", listCenters);

        ServiceFunction putCenter = functions.create("AdminPutCenter");
        allow(putCenter, centers, "dynamodb:PutItem");
        route(api, HttpMethod.PUT, "/admin/centers/{centerId}", putCenter);

        ServiceFunction getStock = functions.create("AdminGetStock");
        allow(getStock, products, "dynamodb:GetItem");
        allow(getStock, inventory, "dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchGetItem");
        route(api, HttpMethod.GET, "/admin/stock/{sku}", getStock);

        // A sharded product's stock is read across its shard rows and corrected in transactions.
        ServiceFunction adjustStock = functions.create("AdminAdjustStock");
        allow(adjustStock, products, "dynamodb:GetItem");
        allow(adjustStock, centers, "dynamodb:GetItem");
        allow(
                adjustStock,
                inventory,
                "dynamodb:Query",
                "dynamodb:GetItem",
                "dynamodb:BatchGetItem",
                "dynamodb:UpdateItem");
        route(api, HttpMethod.POST, "/admin/stock/{sku}/{centerId}/adjustments", adjustStock);

        ServiceFunction reshardStock = functions.create("AdminReshardStock");
        allow(reshardStock, products, "dynamodb:GetItem");
        allow(
                reshardStock,
                inventory,
                "dynamodb:Query",
                "dynamodb:GetItem",
                "dynamodb:BatchGetItem",
                "dynamodb:UpdateItem",
                "dynamodb:ConditionCheckItem");
        route(api, HttpMethod.PUT, "/admin/stock/{sku}/shards", reshardStock);

        ServiceFunction listOrders = functions.create("AdminListOrders");
        allow(listOrders, orders + "/index/byStatus", "dynamodb:Query");
        allow(listOrders, orders, "dynamodb:BatchGetItem");
        route(api, HttpMethod.GET, "/admin/orders", listOrders);
    }

    private static void route(
            HttpApiGateway api, HttpMethod method, String path, ServiceFunction fn) {
        api.addScopedRoute(method, path, fn, List.of(ADMIN_SCOPE));
    }
}
