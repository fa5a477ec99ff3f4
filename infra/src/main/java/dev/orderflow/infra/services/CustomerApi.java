package dev.orderflow.infra.services;

import static dev.orderflow.infra.services.Functions.allow;

import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.OrderWorkflow;
import dev.orderflow.infra.constructs.ServiceFunction;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;

/** The routes a shopper uses: health, readiness, catalog, identity and their own orders. */
public final class CustomerApi {

    private CustomerApi() {}

    public static void wire(Functions functions, DataTables tables, HttpApiGateway api) {
        ServiceFunction health = functions.create("Health");
        api.addPublicRoute(HttpMethod.GET, "/health", health);

        ServiceFunction listProducts = functions.create("ListProducts");
        allow(listProducts, tables.products.getTableArn(), "dynamodb:Scan");
        api.addPublicRoute(HttpMethod.GET, "/products", listProducts);

        ServiceFunction describeCaller = functions.create("DescribeCaller");
        api.addAuthenticatedRoute(HttpMethod.GET, "/me", describeCaller);

        ServiceFunction placeOrder = functions.create("PlaceOrder");
        allow(placeOrder, tables.products.getTableArn(), "dynamodb:BatchGetItem");
        allow(placeOrder, tables.idempotency.getTableArn(), "dynamodb:PutItem", "dynamodb:GetItem");
        allow(placeOrder, tables.orders.getTableArn(), "dynamodb:PutItem", "dynamodb:GetItem");
        api.addAuthenticatedRoute(HttpMethod.POST, "/orders", placeOrder);

        ServiceFunction getOrder = functions.create("GetOrder");
        // The order, then its event trail from the same item collection.
        allow(getOrder, tables.orders.getTableArn(), "dynamodb:GetItem", "dynamodb:Query");
        // An expired order: its key from the archive's byOrderId index, then the record.
        allow(getOrder, tables.orderArchive.getTableArn() + "/index/byOrderId", "dynamodb:Query");
        allow(getOrder, tables.orderArchive.getTableArn(), "dynamodb:GetItem");
        api.addAuthenticatedRoute(HttpMethod.GET, "/orders/{id}", getOrder);

        ServiceFunction listOrders = functions.create("ListOrders");
        allow(listOrders, tables.orders.getTableArn() + "/index/byCustomer", "dynamodb:Query");
        // After the live orders, the customer's partition of the archive.
        allow(listOrders, tables.orderArchive.getTableArn(), "dynamodb:Query");
        api.addAuthenticatedRoute(HttpMethod.GET, "/orders", listOrders);

        ServiceFunction cancelOrder = functions.create("CancelOrder");
        allow(cancelOrder, tables.orders.getTableArn(), SagaSteps.orderWrites());
        api.addAuthenticatedRoute(HttpMethod.POST, "/orders/{id}/cancel", cancelOrder);
    }

    /** The readiness route's path: what each region's Route 53 health check asks. */
    public static final String READINESS_PATH = "/health/ready";

    /**
     * {@code GET /health/ready}, public: the region's readiness, probing its own tables and the
     * saga's state machine. Wired once the state machine exists, since the function is given its
     * ARN ({@code STATE_MACHINE_ARN}). Describing is all it may do, on exactly those resources.
     */
    public static void wireReadiness(
            Functions functions, DataTables tables, OrderWorkflow workflow, HttpApiGateway api) {
        ServiceFunction readiness = functions.create("Readiness");
        for (String table :
                new String[] {
                    tables.orders.getTableArn(),
                    tables.inventory.getTableArn(),
                    tables.fulfillmentCenters.getTableArn(),
                    tables.products.getTableArn()
                }) {
            allow(readiness, table, "dynamodb:DescribeTable");
        }
        allow(readiness, workflow.stateMachine.getStateMachineArn(), "states:DescribeStateMachine");
        api.addPublicRoute(HttpMethod.GET, READINESS_PATH, readiness);
    }
}
