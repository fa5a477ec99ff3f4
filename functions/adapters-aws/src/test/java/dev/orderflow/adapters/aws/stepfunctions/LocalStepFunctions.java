package dev.orderflow.adapters.aws.stepfunctions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.states.StepFunctionsServer;
import dev.orderflow.states.api.VirtualClock;
import dev.orderflow.states.spi.TaskOutcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The project's Step Functions engine on virtual time (timers fire only when a test advances the
 * clock), a real SDK client for it, and the task tokens its {@code
 * sqs:sendMessage.waitForTaskToken} tasks handed out, by execution.
 */
final class LocalStepFunctions implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::123456789012:role/saga";

    final VirtualClock clock = new VirtualClock();
    private final Map<String, List<String>> tokensByExecution = new ConcurrentHashMap<>();
    private final StepFunctionsServer server;
    final SfnClient sfn;

    LocalStepFunctions() {
        server =
                StepFunctionsServer.builder()
                        .port(0)
                        .clock(clock)
                        .taskInvoker(
                                request -> {
                                    request.taskToken()
                                            .ifPresent(
                                                    t ->
                                                            tokensByExecution
                                                                    .computeIfAbsent(
                                                                            request.executionArn(),
                                                                            k ->
                                                                                    new CopyOnWriteArrayList<>())
                                                                    .add(t));
                                    return TaskOutcome.success(
                                            new ObjectMapper()
                                                    .createObjectNode()
                                                    .put(
                                                            "MessageId",
                                                            UUID.randomUUID().toString()));
                                })
                        .start();
        sfn =
                SfnClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("local", "local")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
    }

    /** A state machine whose one step waits for a fulfillment center's report. */
    String createFulfillmentStep(int heartbeatSeconds, int timeoutSeconds) {
        String definition =
                "{\"StartAt\":\"Fulfill\",\"States\":{\"Fulfill\":{\"Type\":\"Task\","
                        + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                        + "\"HeartbeatSeconds\":"
                        + heartbeatSeconds
                        + ",\"TimeoutSeconds\":"
                        + timeoutSeconds
                        + ",\"Parameters\":{\"QueueUrl\":\"https://sqs.local/fulfillment\","
                        + "\"MessageBody\":{\"orderId.$\":\"$.orderId\",\"taskToken.$\":\"$$.Task.Token\"}},"
                        + "\"End\":true}}}";
        return sfn.createStateMachine(
                        c ->
                                c.name("fulfill-" + UUID.randomUUID())
                                        .roleArn(ROLE)
                                        .definition(definition))
                .stateMachineArn();
    }

    /** The first token handed out by an execution. */
    String tokenOf(String executionArn) {
        List<String> tokens = tokensByExecution.get(executionArn);
        if (tokens == null || tokens.isEmpty()) {
            throw new AssertionError("execution " + executionArn + " handed out no task token");
        }
        return tokens.get(0);
    }

    @Override
    public void close() {
        sfn.close();
        server.close();
    }
}
