package dev.orderflow.cloud.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.states.spi.TaskInvoker;
import dev.orderflow.states.spi.TaskOutcome;
import dev.orderflow.states.spi.TaskRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Connects Task states to the local services: {@code lambda:invoke} and bare function ARNs to the
 * in-process Lambda runtime, {@code sqs:*} to ElasticMQ, {@code dynamodb:*} to our DynamoDB engine
 * (optimized and {@code aws-sdk:} integrations). Errors are named as Step Functions names them
 * ({@code DynamoDB.ConditionalCheckFailedException}, {@code Lambda.ResourceNotFoundException}, a
 * function's own {@code errorType}).
 */
public final class LocalTaskInvoker implements TaskInvoker {

    private final LambdaRuntime lambdas;
    private final AwsJsonClient dynamo;
    private final AwsJsonClient sqs;

    public LocalTaskInvoker(LambdaRuntime lambdas, AwsJsonClient dynamo, AwsJsonClient sqs) {
        this.lambdas = lambdas;
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    @Override
    public TaskOutcome invoke(TaskRequest request) {
        return switch (request.service()) {
            case "lambda" -> lambda(request);
            case "sqs" -> call(sqs, "SQS.", request.action(), sqsParameters(request.parameters()));
            case "dynamodb" -> call(dynamo, "DynamoDB.", request.action(), request.parameters());
            case "aws-sdk" -> awsSdk(request);
            default -> TaskInvoker.resourceNotFound(request);
        };
    }

    private TaskOutcome awsSdk(TaskRequest request) {
        String[] parts = request.action().split(":", 2);
        if (parts.length == 2 && parts[0].equals("dynamodb")) {
            return call(dynamo, "DynamoDb.", parts[1], request.parameters());
        }
        if (parts.length == 2 && parts[0].equals("sqs")) {
            return call(sqs, "Sqs.", parts[1], sqsParameters(request.parameters()));
        }
        return TaskInvoker.resourceNotFound(request);
    }

    /**
     * Lambda tasks run on the function's own environments and complete when it answers, so a task
     * holds no thread while its function runs; a throttled function fails the task at once with
     * {@code Lambda.TooManyRequestsException}, which the state's Retry can match. The other
     * services are quick local HTTP calls and run on the engine's pool for blocking calls.
     */
    @Override
    public CompletionStage<TaskOutcome> invokeAsync(TaskRequest request, Executor blockingCalls) {
        if (!request.service().equals("lambda")) {
            return TaskInvoker.super.invokeAsync(request, blockingCalls);
        }
        LambdaCall call = LambdaCall.of(request);
        try {
            return lambdas.invokeAsync(call.function(), call.payload())
                    .thenApply(LocalTaskInvoker::outcome);
        } catch (LambdaException e) {
            return CompletableFuture.completedFuture(throttledOrMissing(e));
        }
    }

    private TaskOutcome lambda(TaskRequest request) {
        LambdaCall call = LambdaCall.of(request);
        try {
            return outcome(lambdas.invoke(call.function(), call.payload()));
        } catch (LambdaException e) {
            return throttledOrMissing(e);
        }
    }

    private static TaskOutcome throttledOrMissing(LambdaException e) {
        return TaskOutcome.failure("Lambda." + e.code(), e.getMessage());
    }

    private static TaskOutcome outcome(InvocationResult result) {
        if (result instanceof InvocationResult.FunctionError error) {
            return TaskOutcome.failure(error.errorType(), result.payloadText());
        }
        try {
            return TaskOutcome.success(Json.parse(result.payload()));
        } catch (IOException e) {
            return TaskOutcome.success(
                    Json.mapper().getNodeFactory().textNode(result.payloadText()));
        }
    }

    /** The function a Lambda task names and the payload it sends. */
    private record LambdaCall(String function, byte[] payload) {
        static LambdaCall of(TaskRequest request) {
            JsonNode params = request.parameters();
            String function;
            JsonNode payload;
            if (request.functionArn().isPresent()) {
                function = request.functionArn().get();
                payload = params;
            } else {
                function = params.path("FunctionName").asText("");
                if (params.has("Qualifier")) {
                    function = function + ":" + params.get("Qualifier").asText();
                }
                payload = params.has("Payload") ? params.get("Payload") : Json.object();
            }
            byte[] bytes =
                    payload.isTextual()
                            ? payload.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                            : Json.bytes(payload);
            return new LambdaCall(function, bytes);
        }
    }

    private static TaskOutcome call(
            AwsJsonClient client, String errorPrefix, String action, JsonNode parameters) {
        try {
            return TaskOutcome.success(client.call(capitalize(action), parameters));
        } catch (AwsCallException e) {
            return TaskOutcome.failure(
                    errorPrefix + e.code(),
                    e.detail()
                            + " (Service: "
                            + errorPrefix.substring(0, errorPrefix.length() - 1)
                            + ", Status Code: "
                            + e.status()
                            + ")");
        }
    }

    /** sqs:sendMessage accepts a JSON object as MessageBody; the wire wants a string. */
    private static JsonNode sqsParameters(JsonNode parameters) {
        if (parameters.path("MessageBody").isContainerNode()) {
            ObjectNode copy = parameters.deepCopy();
            copy.put("MessageBody", Json.text(parameters.get("MessageBody")));
            return copy;
        }
        return parameters;
    }

    private static String capitalize(String action) {
        return action.isEmpty()
                ? action
                : action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
    }
}
