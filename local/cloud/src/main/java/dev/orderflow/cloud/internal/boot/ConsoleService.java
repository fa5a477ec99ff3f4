package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.console.ConsoleRoute;
import dev.orderflow.cloud.internal.template.CfnStack;
import java.util.List;

/**
 * The local console at {@code /_console/} on the edge, over the engines' own APIs on loopback and
 * the Lambda runtime: started last, once everything it shows exists.
 */
public final class ConsoleService implements EmulatedService {

    private final CfnStack stack;
    private final EdgeService edge;
    private final DynamoDbService dynamoDb;
    private final SqsService sqs;
    private final StepFunctionsService stepFunctions;
    private final LambdaRuntimeService lambdas;
    private final EventSourceMappingService mappings;

    public ConsoleService(
            CfnStack stack,
            EdgeService edge,
            DynamoDbService dynamoDb,
            SqsService sqs,
            StepFunctionsService stepFunctions,
            LambdaRuntimeService lambdas,
            EventSourceMappingService mappings) {
        this.stack = stack;
        this.edge = edge;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.stepFunctions = stepFunctions;
        this.lambdas = lambdas;
        this.mappings = mappings;
    }

    @Override
    public void start() {
        ConsoleRoute route =
                ConsoleRoute.over(
                        AwsJsonClient.stepFunctions(stepFunctions.endpoint()),
                        sqs.client(),
                        dynamoDb.endpoint(),
                        lambdas.runtime(),
                        stack.eventSourceMappings(),
                        mappings::positions);
        edge.router().local(ConsoleRoute.PATH, route);
        edge.router().localUnder(ConsoleRoute.PATH + "/", route);
    }

    @Override
    public List<String> describe() {
        return List.of("console  " + edge.router().endpoint() + ConsoleRoute.PATH + "/");
    }

    @Override
    public void close() {
        // the edge, which serves the route, stops on its own
    }
}
