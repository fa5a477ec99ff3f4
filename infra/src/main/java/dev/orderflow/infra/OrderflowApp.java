package dev.orderflow.infra;

import dev.orderflow.infra.config.OrderflowConfig;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code npx cdk synth} / {@code npx cdk deploy} run this. */
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
        build(app);
        app.synth();
    }

    /** Adds the stack and the cdk-nag checks to an app; shared by main and the tests. */
    public static OrderflowStack build(App app) {
        OrderflowConfig config = OrderflowConfig.fromContext(app.getNode());
        OrderflowStack stack =
                new OrderflowStack(
                        app,
                        "Orderflow-" + config.environmentName(),
                        StackProps.builder()
                                .env(
                                        Environment.builder()
                                                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                                                .region(System.getenv("CDK_DEFAULT_REGION"))
                                                .build())
                                .description(
                                        "orderflow order-fulfillment suite ("
                                                + config.environmentName()
                                                + ")")
                                .build(),
                        config,
                        RepositoryLayout.locate());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
