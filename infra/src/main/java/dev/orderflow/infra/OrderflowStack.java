package dev.orderflow.infra;

import dev.orderflow.infra.config.OrderflowConfig;
import dev.orderflow.infra.config.Placement;
import dev.orderflow.infra.config.Topology.StockConsistency;
import dev.orderflow.infra.constructs.DataTables;
import dev.orderflow.infra.constructs.HttpApiGateway;
import dev.orderflow.infra.constructs.Identity;
import dev.orderflow.infra.constructs.Messaging;
import dev.orderflow.infra.constructs.Monitoring;
import dev.orderflow.infra.constructs.OrderWorkflow;
import dev.orderflow.infra.edge.ApiDistribution;
import dev.orderflow.infra.edge.LatencyRecords;
import dev.orderflow.infra.edge.OriginVerifySecret;
import dev.orderflow.infra.services.AdminApi;
import dev.orderflow.infra.services.CustomerApi;
import dev.orderflow.infra.services.FulfillmentWorkers;
import dev.orderflow.infra.services.FunctionCatalog;
import dev.orderflow.infra.services.FunctionEnvironment;
import dev.orderflow.infra.services.Functions;
import dev.orderflow.infra.services.SagaSteps;
import dev.orderflow.infra.services.WarehouseApi;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * Everything orderflow runs on in one region: the single stack of an environment, or one region's
 * stack of a multi-region deployment (see {@link OrderflowApp} and docs/multi-region.md).
 */
public final class OrderflowStack extends Stack {

    public final Placement placement;
    public final DataTables tables;
    public final Messaging messaging;

    /** The user pool: in the single-region stack and the primary region's, nowhere else. */
    public final Optional<Identity> identity;

    public final HttpApiGateway api;
    public final OrderWorkflow workflow;
    public final Monitoring monitoring;
    public final Functions functions;

    /** The region's CloudFront distribution and its origin secret (multi-region only). */
    public final Optional<ApiDistribution> distribution;

    public final Optional<OriginVerifySecret> originVerify;

    /** The region's latency records for {@code api.<domainName>} (with a domain only). */
    public final Optional<LatencyRecords> latencyRecords;

    /** The single-region stack: today's stack, unchanged. */
    public OrderflowStack(
            Construct scope,
            String id,
            StackProps props,
            OrderflowConfig config,
            RepositoryLayout layout) {
        this(scope, id, props, config, layout, new Placement.SingleRegion(), null, null);
    }

    /**
     * One region's stack of a multi-region deployment.
     *
     * @param primary the primary region's stack, whose user pool this region trusts; empty for the
     *     primary itself
     * @param edge the us-east-1 stack holding the web ACL and the certificate
     */
    public OrderflowStack(
            Construct scope,
            String id,
            StackProps props,
            OrderflowConfig config,
            RepositoryLayout layout,
            Placement.InRegion placement,
            Optional<OrderflowStack> primary,
            EdgeStack edge) {
        this(scope, id, props, config, layout, placement, primary.orElse(null), edge);
    }

    // The nulls stay in here: a single-region stack has no primary and no edge.
    private OrderflowStack(
            Construct scope,
            String id,
            StackProps props,
            OrderflowConfig config,
            RepositoryLayout layout,
            Placement placement,
            OrderflowStack primary,
            EdgeStack edge) {
        super(scope, id, props);
        this.placement = placement;
        StockConsistency stock = placement.stockConsistency();
        tables = new DataTables(this, "Data", config, placement);
        messaging = new Messaging(this, "Messaging");
        identity =
                primary == null
                        ? Optional.of(new Identity(this, "Identity", config))
                        : Optional.empty();
        originVerify =
                edge == null
                        ? Optional.empty()
                        : Optional.of(new OriginVerifySecret(this, "OriginVerify"));
        api =
                new HttpApiGateway(
                        this,
                        "Http",
                        config,
                        identity.map(Identity::authorizer)
                                .orElseGet(() -> primary.identity.orElseThrow().trustedBy()),
                        originVerify.map(o -> o.secret));
        FunctionEnvironment environment = new FunctionEnvironment(tables, config, stock);
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
        CustomerApi.wireReadiness(functions, tables, workflow, api);
        FulfillmentWorkers.wire(
                functions, tables, messaging, workflow, config.adapters(), placement);
        monitoring =
                new Monitoring(
                        this,
                        "Monitoring",
                        config,
                        dashboardName(config, placement),
                        api,
                        workflow,
                        messaging,
                        functions.all());

        if (edge == null) {
            distribution = Optional.empty();
            latencyRecords = Optional.empty();
        } else {
            Placement.InRegion region = (Placement.InRegion) placement;
            Optional<ApiDistribution.NamedCertificate> named =
                    region.topology()
                            .domain()
                            .map(
                                    domain ->
                                            new ApiDistribution.NamedCertificate(
                                                    domain.apiName(),
                                                    edge.certificate.orElseThrow()));
            ApiDistribution edgeDistribution =
                    new ApiDistribution(
                            this,
                            "Edge",
                            api,
                            originVerify.orElseThrow(),
                            edge.webAcl.webAcl.getAttrArn(),
                            named);
            distribution = Optional.of(edgeDistribution);
            latencyRecords =
                    region.topology()
                            .domain()
                            .map(
                                    domain ->
                                            new LatencyRecords(
                                                    this,
                                                    "Dns",
                                                    domain,
                                                    edgeDistribution.distribution));
            output(
                    "DistributionUrl",
                    "https://" + edgeDistribution.distribution.getDistributionDomainName(),
                    "The region's CloudFront distribution in front of its API");
        }

        output("ApiUrl", api.url(), "Base URL of the HTTP API");
        identity.ifPresent(
                pool -> {
                    output(
                            "UserPoolId",
                            pool.userPool.getUserPoolId(),
                            "Cognito user pool issuing API tokens");
                    output(
                            "UserPoolClientId",
                            pool.webClient.getUserPoolClientId(),
                            "App client for the web shop");
                });
        output("StateMachineArn", workflow.stateMachine.getStateMachineArn(), "The order saga");

        StackNagSuppressions.apply(this);
    }

    /** Dashboard names are unique per account, across regions. */
    private static String dashboardName(OrderflowConfig config, Placement placement) {
        String name = "orderflow-" + config.environmentName();
        return placement instanceof Placement.InRegion region ? name + "-" + region.region() : name;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
