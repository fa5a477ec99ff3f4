package dev.orderflow.infra.services;

import static dev.orderflow.infra.services.Functions.allow;

import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.ServiceFunction;
import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The route the fulfillment centers' warehouse systems report through: each report reaches the saga
 * step waiting for that shipment, by the task token the fulfillment worker kept with the shipment
 * in the orders table. Needs a token with the {@code orderflow/warehouse} scope (a warehouse's
 * client-credentials token, see {@code Identity}); the handler checks the scope again.
 */
public final class WarehouseApi {

    /** The scope the warehouse route requires (see {@code Identity}). */
    public static final String WAREHOUSE_SCOPE = "orderflow/warehouse";

    private WarehouseApi() {}

    public static void wire(Functions functions, DataTables tables, HttpApiGateway api) {
        ServiceFunction report = functions.create("ReportShipmentEvent");
        // Reads the kept token (SHIPMENT#<centerId> in the order's collection), then reports on it.
        allow(report, tables.orders.getTableArn(), "dynamodb:GetItem");
        report.function.addToRolePolicy(
                PolicyStatement.Builder.create()
                        .actions(FulfillmentWorkers.TASK_TOKEN_ACTIONS)
                        .resources(List.of("*"))
                        .build());
        api.addScopedRoute(
                HttpMethod.POST,
                "/warehouse/shipments/{orderId}/{centerId}/events",
                report,
                List.of(WAREHOUSE_SCOPE));
    }
}
