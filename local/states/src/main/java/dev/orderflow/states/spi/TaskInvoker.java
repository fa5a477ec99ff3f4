package dev.orderflow.states.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The port through which Task states reach services. The engine itself handles {@code
 * states:startExecution}, mocked responses and the {@code .waitForTaskToken} pause; everything else
 * ({@code lambda:invoke} and bare function ARNs, {@code sqs:sendMessage}, {@code dynamodb:*},
 * {@code events:putEvents}, {@code aws-sdk:*}) is passed here.
 *
 * <p>{@link #invoke} may block; the engine never calls it on the threads that run state
 * transitions, so one slow task cannot hold up another execution (on AWS a task's call never waits
 * for another execution's). Implementations must be thread-safe. They should never throw: a thrown
 * exception is reported as {@code States.TaskFailed} with the exception message as cause.
 */
@FunctionalInterface
public interface TaskInvoker {
    /** Performs one integration call, blocking until it has an outcome. */
    TaskOutcome invoke(TaskRequest request);

    /**
     * Starts one integration call and returns at once. The default runs {@link #invoke} on {@code
     * blockingCalls}, an unbounded pool the engine keeps for calls that block; an invoker whose
     * services are asynchronous overrides this and leaves that pool alone.
     */
    default CompletionStage<TaskOutcome> invokeAsync(TaskRequest request, Executor blockingCalls) {
        return CompletableFuture.supplyAsync(() -> invoke(request), blockingCalls);
    }

    /**
     * An invoker that knows no resources: every call fails the way AWS fails for a missing resource
     * ({@link #resourceNotFound}).
     */
    static TaskInvoker none() {
        return TaskInvoker::resourceNotFound;
    }

    /** AWS's failure for a resource that does not exist, per service. */
    static TaskOutcome resourceNotFound(TaskRequest request) {
        return switch (request.service()) {
            case "lambda" ->
                    TaskOutcome.failure(
                            "Lambda.ResourceNotFoundException",
                            "Function not found: "
                                    + request.functionArn()
                                            .orElseGet(
                                                    () ->
                                                            request.parameters()
                                                                    .path("FunctionName")
                                                                    .asText(""))
                                    + " (Service: Lambda, Status Code: 404, Request ID: 00000000-0000-0000-0000-000000000000)");
            case "sqs" ->
                    TaskOutcome.failure(
                            "SQS.QueueDoesNotExistException",
                            "The specified queue does not exist. (Service: Sqs, Status Code: 400, Request ID: 00000000-0000-0000-0000-000000000000)");
            case "dynamodb" ->
                    TaskOutcome.failure(
                            "DynamoDB.ResourceNotFoundException",
                            "Requested resource not found (Service: DynamoDb, Status Code: 400, Request ID: 00000000-0000-0000-0000-000000000000)");
            case "events" ->
                    TaskOutcome.failure(
                            "EventBridge.ResourceNotFoundException",
                            "Event bus does not exist. (Service: EventBridge, Status Code: 400, Request ID: 00000000-0000-0000-0000-000000000000)");
            default ->
                    TaskOutcome.failure(
                            "States.Runtime",
                            "The resource "
                                    + request.resource()
                                    + " is not available in this local engine");
        };
    }
}
