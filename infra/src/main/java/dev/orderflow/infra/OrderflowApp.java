package dev.orderflow.infra;

import dev.orderflow.infra.config.OrderflowConfig;
import dev.orderflow.infra.config.Placement;
import dev.orderflow.infra.config.Topology;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code npx cdk synth} / {@code npx cdk deploy} run this. Without context {@code
 * regions} it synthesizes the single stack {@code Orderflow-<env>}; with it, one stack {@code
 * Orderflow-<env>-<region>} per region and {@code Orderflow-<env>-edge} in us-east-1.
 */
public final class OrderflowApp {

    private OrderflowApp() {}

    public static void main(String[] args) {
        // The CDK CLI hands cdk.json's context over in CDK_CONTEXT_JSON; run directly (as the
        // build does to write the template the local cloud boots from), read cdk.json the same way.
        App app =
                System.getenv("CDK_CONTEXT_JSON") == null
                        ? App.Builder.create()
                                .context(
                                        CdkJson.contextAsTheCliGivesIt(
                                                RepositoryLayout.locate().root()))
                                .build()
                        : new App();
        deploy(app);
        app.synth();
    }

    /**
     * Adds the single-region stack and the cdk-nag checks to an app.
     *
     * @throws IllegalArgumentException if the context names {@code regions}: use {@link #deploy}
     */
    public static OrderflowStack build(App app) {
        Deployment deployment = deploy(app);
        if (deployment.edge().isPresent()) {
            throw new IllegalArgumentException(
                    "context 'regions' makes one stack per region: use OrderflowApp.deploy");
        }
        return deployment.primary();
    }

    /** Adds every stack the context asks for, and the cdk-nag checks, to an app. */
    public static Deployment deploy(App app) {
        OrderflowConfig config = OrderflowConfig.fromContext(app.getNode());
        Topology topology = Topology.fromContext(app.getNode());
        RepositoryLayout layout = RepositoryLayout.locate();
        Deployment deployment =
                topology.isMultiRegion()
                        ? multiRegion(app, config, topology, layout)
                        : new Deployment(
                                List.of(
                                        new OrderflowStack(
                                                app,
                                                "Orderflow-" + config.environmentName(),
                                                props(
                                                        config,
                                                        System.getenv("CDK_DEFAULT_REGION"),
                                                        "",
                                                        false),
                                                config,
                                                layout)),
                                Optional.empty());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return deployment;
    }

    /**
     * The edge stack first (the regions' distributions use its web ACL and certificate), then the
     * primary (global tables, user pool), then the other regions, which use the primary's tables
     * and pool. Values cross regions as CDK cross-region references; the CLI deploys the stacks in
     * that order.
     */
    private static Deployment multiRegion(
            App app, OrderflowConfig config, Topology topology, RepositoryLayout layout) {
        String prefix = "Orderflow-" + config.environmentName();
        EdgeStack edge =
                new EdgeStack(
                        app,
                        prefix + "-edge",
                        props(config, Topology.EDGE_REGION, ", edge", true),
                        config,
                        topology);
        List<OrderflowStack> stacks = new ArrayList<>();
        for (String region : topology.regions()) {
            Optional<OrderflowStack> primary =
                    stacks.isEmpty() ? Optional.empty() : Optional.of(stacks.get(0));
            OrderflowStack stack =
                    new OrderflowStack(
                            app,
                            prefix + "-" + region,
                            props(config, region, ", " + region, true),
                            config,
                            layout,
                            new Placement.InRegion(region, topology),
                            primary,
                            edge);
            stack.addStackDependency(edge, "its distribution uses the edge web ACL");
            primary.ifPresent(
                    p ->
                            stack.addStackDependency(
                                    p, "its replicas belong to the primary's tables"));
            stacks.add(stack);
        }
        return new Deployment(stacks, Optional.of(edge));
    }

    private static StackProps props(
            OrderflowConfig config, String region, String suffix, boolean crossRegionReferences) {
        StackProps.Builder props =
                StackProps.builder()
                        .env(
                                Environment.builder()
                                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                                        .region(region)
                                        .build())
                        .description(
                                "orderflow order-fulfillment suite ("
                                        + config.environmentName()
                                        + suffix
                                        + ")");
        if (crossRegionReferences) {
            props.crossRegionReferences(true);
        }
        return props.build();
    }
}
