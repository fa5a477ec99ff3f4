package dev.orderflow.functions.support;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.health.CheckReadiness;
import dev.orderflow.domain.shipping.TaskToken;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens;
import dev.orderflow.domain.testfixtures.ScriptedProbe;
import dev.orderflow.functions.admin.AdjustStockHandler;
import dev.orderflow.functions.admin.GetStockHandler;
import dev.orderflow.functions.admin.ListAllProductsHandler;
import dev.orderflow.functions.admin.ListCentersHandler;
import dev.orderflow.functions.admin.ListOrdersByStatusHandler;
import dev.orderflow.functions.admin.PutCenterHandler;
import dev.orderflow.functions.admin.PutProductHandler;
import dev.orderflow.functions.admin.ReshardStockHandler;
import dev.orderflow.functions.catalog.ListProductsHandler;
import dev.orderflow.functions.fulfillment.ReportShipmentEventHandler;
import dev.orderflow.functions.health.HealthHandler;
import dev.orderflow.functions.health.ReadinessHandler;
import dev.orderflow.functions.identity.DescribeCallerHandler;
import dev.orderflow.functions.orders.CancelOrderHandler;
import dev.orderflow.functions.orders.GetOrderHandler;
import dev.orderflow.functions.orders.ListOrdersHandler;
import dev.orderflow.functions.orders.PlaceOrderHandler;

/** The handler of each route, over a fresh in-memory shop matching the sample events. */
public final class SampleRoutes {

    private SampleRoutes() {}

    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handlerFor(
            String routeKey) {
        var metrics = new RecordingMetrics();
        var admin = new AdminShop();
        var shop = admin.shop;
        return switch (routeKey) {
            case "POST /orders" -> new PlaceOrderHandler(shop.placeOrder(), metrics);
            case "GET /orders/{id}" -> new GetOrderHandler(shop.viewOrder(), metrics);
            case "GET /orders" -> new ListOrdersHandler(shop.listOrders(), metrics);
            case "POST /orders/{id}/cancel" -> new CancelOrderHandler(shop.cancelOrder(), metrics);
            case "GET /health" -> new HealthHandler(metrics, "orderflow");
            case "GET /health/ready" ->
                    new ReadinessHandler(
                            new CheckReadiness(
                                    java.util.List.of(
                                            new ScriptedProbe("orders"), new ScriptedProbe("saga")),
                                    java.time.Clock.systemUTC()),
                            metrics);
            case "GET /me" -> new DescribeCallerHandler(metrics);
            case "GET /products" -> new ListProductsHandler(shop.browseCatalog(), metrics);
            case "GET /admin/products" ->
                    new ListAllProductsHandler(admin.manageCatalog(), metrics);
            case "PUT /admin/products/{sku}" ->
                    new PutProductHandler(admin.manageCatalog(), metrics);
            case "GET /admin/centers" -> new ListCentersHandler(admin.manageCenters(), metrics);
            case "PUT /admin/centers/{centerId}" ->
                    new PutCenterHandler(admin.manageCenters(), metrics);
            case "GET /admin/stock/{sku}" -> new GetStockHandler(admin.adjustStock(), metrics);
            case "POST /admin/stock/{sku}/{centerId}/adjustments" ->
                    new AdjustStockHandler(admin.adjustStock(), metrics);
            case "PUT /admin/stock/{sku}/shards" ->
                    new ReshardStockHandler(admin.adjustStock(), metrics);
            case "GET /admin/orders" ->
                    new ListOrdersByStatusHandler(admin.browseOrdersByStatus(), metrics);
            case "POST /warehouse/shipments/{orderId}/{centerId}/events" -> {
                // The stored order's shipment from Munich waits for its warehouse's report.
                shop.awaited.await(Shop.STORED_ORDER, Shop.MUNICH, new TaskToken("sample-token"));
                yield new ReportShipmentEventHandler(
                        shop.reportShipmentEvent(new RecordingTaskTokens()), metrics);
            }
            default -> throw new AssertionError("no handler serves route " + routeKey);
        };
    }
}
