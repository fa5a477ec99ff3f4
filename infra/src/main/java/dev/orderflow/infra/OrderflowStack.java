package dev.orderflow.infra;

import dev.orderflow.infra.config.OrderflowConfig;
import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.Identity;
import dev.orderflow.infra.constructs.Messaging;
import dev.orderflow.infra.constructs.Monitoring;
import dev.orderflow.infra.constructs.OrderWorkflow;
import dev.orderflow.infra.services.AdminApi;
import dev.orderflow.infra.services.CustomerApi;
import dev.orderflow.infra.services.FulfillmentWorkers;
import dev.orderflow.infra.services.FunctionCatalog;
import dev.orderflow.infra.services.FunctionEnvironment;
import dev.orderflow.infra.services.Functions;
import dev.orderflow.infra.services.SagaSteps;
import dev.orderflow.infra.services.WarehouseApi;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/** Everything orderflow runs on, in one stack per environment. */
public final class OrderflowStack extends Stack {

    public final DataTables tables;
    public final Messaging messaging;
    public final Identity identity;
    public final HttpApiGateway api;
    public final OrderWorkflow workflow;
    public final Monitoring monitoring;
    public final Functions functions;

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
        FunctionEnvironment environment = new FunctionEnvironment(tables, config);
        functions =
                new Functions(
                        this,
                        Code.fromAsset(layout.handlersJar().toString()),
                        FunctionCatalog.read(layout.functionCatalog()),
                        environment);
        CustomerApi.wire(functions, tables, api);
        AdminApi.wire(functions, tables, api);
        WarehouseApi.wire(functions, tables, api);
        var sagaSteps = SagaSteps.wire(functions, tables, config.adapters());

        workflow =
                new OrderWorkflow(
                        this,
                        "Workflow",
                        layout.stateMachine("order-fulfillment"),
                        tables,
                        messaging,
                        sagaSteps);
        environment.addStateMachine(workflow.stateMachine.getStateMachineArn());
        FulfillmentWorkers.wire(functions, tables, messaging, workflow, config.adapters());
        monitoring =
                new Monitoring(
                        this, "Monitoring", config, api, workflow, messaging, functions.all());

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

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
