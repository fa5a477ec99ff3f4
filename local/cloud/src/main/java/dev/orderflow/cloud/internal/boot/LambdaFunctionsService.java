package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.template.CfnStack;
import dev.orderflow.cloud.internal.template.FunctionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's functions, deployed into the Lambda runtime once every endpoint their environment
 * names is up, and served by the edge's Lambda API. The runtime stops them.
 */
public final class LambdaFunctionsService implements EmulatedService {

    private final BootSettings settings;
    private final CfnStack stack;
    private final EdgeService edge;
    private final DynamoDbService dynamoDb;
    private final SqsService sqs;
    private final StepFunctionsService stepFunctions;
    private final LambdaRuntimeService lambdas;
    private final List<String> functions = new ArrayList<>();

    public LambdaFunctionsService(
            BootSettings settings,
            CfnStack stack,
            EdgeService edge,
            DynamoDbService dynamoDb,
            SqsService sqs,
            StepFunctionsService stepFunctions,
            LambdaRuntimeService lambdas) {
        this.settings = settings;
        this.stack = stack;
        this.edge = edge;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.stepFunctions = stepFunctions;
        this.lambdas = lambdas;
    }

    @Override
    public void start() {
        Map<String, String> runtimeEnv = runtimeEnvironment();
        for (FunctionSpec declared : stack.functions()) {
            FunctionSpec function =
                    settings.functionCode()
                            .map(declared::withCode)
                            .orElse(declared)
                            .withEnvironment(settings.functionEnvironment());
            lambdas.runtime().deploy(function, runtimeEnv);
            functions.add(
                    String.format(
                            "function %s (%s, %d MB, timeout %d s)",
                            function.name(),
                            function.handler(),
                            function.memoryMb(),
                            function.timeoutSeconds()));
        }
        edge.router().lambda(lambdas.runtime());
    }

    /** The variables Lambda itself sets. */
    private Map<String, String> runtimeEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        env.put("AWS_ENDPOINT_URL", edge.router().endpoint().toString());
        // Service-specific endpoints (honoured by the SDKs before AWS_ENDPOINT_URL) send the
        // functions' calls straight to each service's server, as on AWS, instead of through the
        // edge's proxy: one loopback hop per call instead of two.
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SFN", stepFunctions.endpoint().toString());
        env.put("TZ", ":UTC");
        return env;
    }

    @Override
    public List<String> describe() {
        return List.copyOf(functions);
    }

    @Override
    public void close() {
        // nothing of its own: the Lambda runtime, started before it, stops the functions
    }
}
