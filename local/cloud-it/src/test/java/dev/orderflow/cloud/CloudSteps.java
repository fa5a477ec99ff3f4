package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Steps the local-cloud tests take the same way: booting, writing, counting, calling back. */
final class CloudSteps {

    private static final String ROLE = "arn:aws:iam::000000000000:role/local";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private CloudSteps() {}

    /** A local cloud for the template and code, on free edge and gateway ports. */
    static LocalCloud.Builder onFreePorts(Path template, Path functionCode) {
        return LocalCloud.builder()
                .template(template)
                .functionCode(functionCode)
                .edgePort(0)
                .gatewayPort(0);
    }

    /** Puts an item of a string {@code id} and a string {@code kind}. */
    static void putKind(DynamoDbClient dynamo, String table, String id, String kind) {
        dynamo.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        Map.of(
                                                "id",
                                                AttributeValue.fromS(id),
                                                "kind",
                                                AttributeValue.fromS(kind))));
    }

    /** Messages on the queue, visible or in flight. */
    static int inQueue(SqsClient sqs, String url) {
        Map<QueueAttributeName, String> a =
                sqs.getQueueAttributes(
                                r ->
                                        r.queueUrl(url)
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(
                        a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /**
     * Creates a state machine whose one task sends its task token to the callbacks queue, starts it
     * and waits until the task is submitted; returns the parked execution's ARN.
     */
    static String startParkedOnCallback(SfnClient sfn, String machineName, String callbacksUrl) {
        String machine =
                sfn.createStateMachine(
                                r ->
                                        r.name(machineName)
                                                .roleArn(ROLE)
                                                .definition(
                                                        "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
                                                                + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                                                                + "\"Parameters\":{\"QueueUrl\":\""
                                                                + callbacksUrl
                                                                + "\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}"))
                        .stateMachineArn();
        String parked = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        await().atMost(PATIENCE)
                .until(
                        () ->
                                sfn
                                        .getExecutionHistory(r -> r.executionArn(parked))
                                        .events()
                                        .stream()
                                        .anyMatch(
                                                e -> e.type() == HistoryEventType.TASK_SUBMITTED));
        return parked;
    }

    /**
     * Takes the one token waiting on the callbacks queue, answers it with success and the output,
     * and waits for the parked execution to succeed.
     */
    static void answerCallback(
            SqsClient sqs, SfnClient sfn, String callbacksQueueName, String parked, String output)
            throws Exception {
        String callbacks = sqs.getQueueUrl(r -> r.queueName(callbacksQueueName)).queueUrl();
        List<Message> asks = sqs.receiveMessage(r -> r.queueUrl(callbacks)).messages();
        assertThat(asks).hasSize(1);
        String token = new ObjectMapper().readTree(asks.get(0).body()).path("token").asText();
        sfn.sendTaskSuccess(r -> r.taskToken(token).output(output));
        await().atMost(PATIENCE)
                .until(
                        () ->
                                sfn.describeExecution(r -> r.executionArn(parked)).status()
                                        == ExecutionStatus.SUCCEEDED);
    }
}
