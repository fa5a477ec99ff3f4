package dev.orderflow.infra;

import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.Identity;
import dev.orderflow.infra.constructs.Messaging;
import dev.orderflow.infra.constructs.Monitoring;
import dev.orderflow.infra.constructs.OrderWorkflow;
import dev.orderflow.infra.constructs.ServiceFunction;
import dev.orderflow.infra.nag.StackNagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/** Everything orderflow runs on, in one stack per environment. */
public final class OrderflowStack extends Stack {

    /** Handler classes, by the function's construct id. The infra never links their code. */
    public static final Map<String, String> HANDLERS =
            Map.of(
                    "Health", "dev.orderflow.functions.health.HealthHandler",
                    "ListProducts", "dev.orderflow.functions.catalog.ListProductsHandler",
                    "DescribeCaller", "dev.orderflow.functions.identity.DescribeCallerHandler",
                    "PlaceOrder", "dev.orderflow.functions.orders.PlaceOrderHandler",
                    "GetOrder", "dev.orderflow.functions.orders.GetOrderHandler",
                    "ListOrders", "dev.orderflow.functions.orders.ListOrdersHandler");

    public final DataTables tables;
    public final Messaging messaging;
    public final Identity identity;
    public final HttpApiGateway api;
    public final OrderWorkflow workflow;
    public final Monitoring monitoring;
    public final Map<String, ServiceFunction> functions = new LinkedHashMap<>();

    public OrderflowStack(
            Construct scope,
            String id,
            StackProps props,
            OrderflowConfig config,
            RepositoryLayout layout) {
        super(scope, id, props);
        tables = new DataTables(this, "Data", config);
        messaging = new Messaging(this, "Messaging");
        identity = new Identity(this, "Identity", config);
        api = new HttpApiGateway(this, "Http", config, identity);
        Code code = Code.fromAsset(layout.handlersJar().toString());

        ServiceFunction health = function("Health", code, Map.of());
        api.addPublicRoute(HttpMethod.GET, "/health", health);

        ServiceFunction listProducts =
                function(
                        "ListProducts",
                        code,
                        Map.of("PRODUCTS_TABLE", tables.products.getTableName()));
        allow(listProducts, tables.products.getTableArn(), "dynamodb:Scan");
        api.addPublicRoute(HttpMethod.GET, "/products", listProducts);

        ServiceFunction describeCaller = function("DescribeCaller", code, Map.of());
        api.addAuthenticatedRoute(HttpMethod.GET, "/me", describeCaller);

        ServiceFunction placeOrder =
                function(
                        "PlaceOrder",
                        code,
                        Map.of(
                                "ORDERS_TABLE", tables.orders.getTableName(),
                                "PRODUCTS_TABLE", tables.products.getTableName(),
                                "IDEMPOTENCY_TABLE", tables.idempotency.getTableName()));
        allow(placeOrder, tables.products.getTableArn(), "dynamodb:BatchGetItem");
        allow(placeOrder, tables.idempotency.getTableArn(), "dynamodb:PutItem", "dynamodb:GetItem");
        allow(placeOrder, tables.orders.getTableArn(), "dynamodb:PutItem", "dynamodb:GetItem");
        api.addAuthenticatedRoute(HttpMethod.POST, "/orders", placeOrder);

        ServiceFunction getOrder =
                function("GetOrder", code, Map.of("ORDERS_TABLE", tables.orders.getTableName()));
        allow(getOrder, tables.orders.getTableArn(), "dynamodb:GetItem");
        api.addAuthenticatedRoute(HttpMethod.GET, "/orders/{id}", getOrder);

        ServiceFunction listOrders =
                function("ListOrders", code, Map.of("ORDERS_TABLE", tables.orders.getTableName()));
        allow(listOrders, tables.orders.getTableArn() + "/index/byCustomer", "dynamodb:Query");
        api.addAuthenticatedRoute(HttpMethod.GET, "/orders", listOrders);

        workflow =
                new OrderWorkflow(
                        this,
                        "Workflow",
                        layout.stateMachine("order-fulfillment"),
                        tables,
                        messaging);
        monitoring =
                new Monitoring(this, "Monitoring", config, api, workflow, messaging, functions);

        output("ApiUrl", api.url(), "Base URL of the HTTP API");
        output(
                "UserPoolId",
                identity.userPool.getUserPoolId(),
                "Cognito user pool issuing API tokens");
        output(
                "UserPoolClientId",
                identity.webClient.getUserPoolClientId(),
                "App client for the web shop");
        output("StateMachineArn", workflow.stateMachine.getStateMachineArn(), "The order saga");

        StackNagSuppressions.apply(this);
    }

    private ServiceFunction function(String id, Code code, Map<String, String> env) {
        ServiceFunction fn =
                new ServiceFunction(this, id, code, HANDLERS.get(id), env, Duration.seconds(10));
        functions.put(id, fn);
        return fn;
    }

    /** Lets a function call exactly these actions on exactly this resource. */
    private static void allow(ServiceFunction fn, String resourceArn, String... actions) {
        fn.function.addToRolePolicy(
                PolicyStatement.Builder.create()
                        .actions(List.of(actions))
                        .resources(List.of(resourceArn))
                        .build());
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
