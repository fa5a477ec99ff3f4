package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.states.LocalTaskInvoker;
import dev.orderflow.cloud.internal.states.StateMachines;
import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.states.StepFunctionsServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Our Step Functions engine on a loopback port, answered in process by the edge, with the state
 * machines; its tasks reach the Lambda runtime, DynamoDB and SQS.
 */
public final class StepFunctionsService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final EdgeService edge;
    private final DynamoDbService dynamoDb;
    private final SqsService sqs;
    private final LambdaRuntimeService lambdas;
    private final List<String> workflows = new ArrayList<>();
    private StepFunctionsServer server;

    public StepFunctionsService(
            BootSettings settings,
            CfnStack stack,
            EdgeService edge,
            DynamoDbService dynamoDb,
            SqsService sqs,
            LambdaRuntimeService lambdas) {
        this.settings = settings;
        this.stack = stack;
        this.edge = edge;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.lambdas = lambdas;
    }

    @Override
    public void start() {
        StepFunctionsServer.Builder builder =
                StepFunctionsServer.builder()
                        .port(0)
                        .host("127.0.0.1")
                        .region(settings.region())
                        .account(BootSettings.ACCOUNT)
                        .taskInvoker(
                                new LocalTaskInvoker(
                                        lambdas.runtime(), dynamoDb.client(), sqs.client()))
                        // the boot resumes executions once the functions they call are deployed
                        .resumeOnStart(false);
        settings.dataDir().ifPresent(d -> builder.dataDir(d.resolve("states")));
        server = builder.start();
        edge.router().route("states", server.httpService());
        workflows.addAll(
                StateMachines.provision(
                        AwsJsonClient.stepFunctions(server.endpoint()),
                        stack.stateMachines(),
                        stack.ids()));
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** Resumes the executions a data directory kept running. */
    public void resumeExecutions() {
        server.engine().resumeExecutions();
    }

    @Override
    public List<String> describe() {
        return List.copyOf(workflows);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
