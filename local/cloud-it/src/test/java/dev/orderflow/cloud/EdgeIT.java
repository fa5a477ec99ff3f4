package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class EdgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalCloud cloud;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static SfnClient sfn;
    private static LambdaClient lambda;

    @BeforeAll
    static void boot() {
        cloud = SharedCloud.get();
        URI edge = cloud.edgeEndpoint();
        dynamo = Clients.dynamo(edge);
        sqs = Clients.sqs(edge);
        sfn = Clients.sfn(edge);
        lambda = Clients.lambda(edge);
    }

    @Test
    void dynamoDb_listsTheTemplatesTables_andServesItsOwnTables() {
        String table = "edge-it-" + UUID.randomUUID();
        dynamo.createTable(
                r ->
                        r.tableName(table)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(
                                        AttributeDefinition.builder()
                                                .attributeName("id")
                                                .attributeType(ScalarAttributeType.S)
                                                .build())
                                .keySchema(
                                        KeySchemaElement.builder()
                                                .attributeName("id")
                                                .keyType(KeyType.HASH)
                                                .build()));
        dynamo.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("a"))));

        assertThat(dynamo.listTables().tableNames())
                .contains(cloud.physicalId("DataOrders").orElseThrow(), table);
        assertThat(
                        dynamo.getItem(
                                        r ->
                                                r.tableName(table)
                                                        .key(
                                                                Map.of(
                                                                        "id",
                                                                        AttributeValue.fromS("a"))))
                                .item())
                .containsKey("id");
    }

    @Test
    void dynamoDb_templateTableHasItsGsisAndStream() {
        var description =
                dynamo.describeTable(r -> r.tableName(cloud.physicalId("DataOrders").orElseThrow()))
                        .table();

        assertThat(description.globalSecondaryIndexes())
                .extracting(g -> g.indexName())
                .containsExactlyInAnyOrder("byCustomer", "byStatus");
        assertThat(description.streamSpecification().streamViewTypeAsString())
                .isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void edge_answersMalformedJsonWithAnAwsShapedError() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(cloud.edgeEndpoint())
                                        .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                                        .header("Content-Type", "application/x-amz-json-1.0")
                                        .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isNotBlank();
    }

    @Test
    void edge_namesTheServiceItDoesNotEmulate() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(cloud.edgeEndpoint())
                                        .header(
                                                "Authorization",
                                                "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0")
                                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("kinesis");
    }

    @Test
    void sqs_sendsAndReceivesOnItsOwnQueue() {
        String url = sqs.createQueue(r -> r.queueName("edge-it-" + UUID.randomUUID())).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello"));

        List<Message> messages =
                sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2)).messages();

        assertThat(messages).extracting(Message::body).containsExactly("hello");
        assertThat(url).startsWith(cloud.edgeEndpoint().toString());
    }

    @Test
    void sqs_templateQueueHasItsVisibilityTimeoutAndRedrivePolicy() {
        String url = cloud.physicalId("MessagingNotifications").orElseThrow();

        Map<QueueAttributeName, String> attributes =
                sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                        .attributes();

        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains("MessagingNotificationsDlq")
                .contains("5");
    }

    @Test
    void sqs_movesAMessageToTheTemplatesDlq_afterMaxReceiveCount() {
        String url = cloud.physicalId("MessagingNotifications").orElseThrow();
        String dlq = cloud.physicalId("MessagingNotificationsDlq").orElseThrow();
        String body = "poison-" + UUID.randomUUID();
        // The notifier consumes this queue too and hands the poison back; without a visibility
        // timeout its receives count at once instead of one per minute.
        sqs.setQueueAttributes(
                r ->
                        r.queueUrl(url)
                                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "0")));
        try {
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                sqs.receiveMessage(
                                        r ->
                                                r.queueUrl(url)
                                                        .visibilityTimeout(0)
                                                        .maxNumberOfMessages(10));
                                return sqs
                                        .receiveMessage(
                                                r ->
                                                        r.queueUrl(dlq)
                                                                .maxNumberOfMessages(10)
                                                                .visibilityTimeout(0))
                                        .messages()
                                        .stream()
                                        .anyMatch(m -> m.body().equals(body));
                            });
        } finally {
            sqs.setQueueAttributes(
                    r ->
                            r.queueUrl(url)
                                    .attributes(
                                            Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60")));
        }
    }

    @Test
    void stepFunctions_theOrdersOutboxStartsTheSaga_whichRecordsItsExecution() {
        String orderId = UUID.randomUUID().toString();
        String orders = cloud.physicalId("DataOrders").orElseThrow();
        dynamo.putItem(
                r ->
                        r.tableName(orders)
                                .item(
                                        Map.of(
                                                "pk", AttributeValue.fromS("ORDER#" + orderId),
                                                "sk", AttributeValue.fromS("ORDER"),
                                                "status", AttributeValue.fromS("PLACED"))));
        String machine = cloud.physicalId("WorkflowOrderFulfillment").orElseThrow();
        // The outbox relay (StartFulfillment on the orders stream) names the execution after the
        // order.
        String execution = machine.replace(":stateMachine:", ":execution:") + ":" + orderId;

        DescribeExecutionResponse started =
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .ignoreExceptions()
                        .until(
                                () -> sfn.describeExecution(r -> r.executionArn(execution)),
                                d -> true);
        assertThat(started.input()).isEqualTo("{\"orderId\":\"" + orderId + "\"}");
        // Its first state records which execution fulfills the order (this bare item is no
        // complete order, so the later steps fail it; OrderSagaIT runs real orders through).
        Map<String, AttributeValue> key =
                Map.of(
                        "pk", AttributeValue.fromS("ORDER#" + orderId),
                        "sk", AttributeValue.fromS("ORDER"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                dynamo.getItem(r -> r.tableName(orders).key(key))
                                        .item()
                                        .containsKey("executionArn"));
        assertThat(dynamo.getItem(r -> r.tableName(orders).key(key)).item().get("executionArn").s())
                .isEqualTo(execution);
        // What the saga sent to the fulfillment queue is the fulfillment worker's now (it consumes
        // that queue), so it is not read here.
    }

    @Test
    void stepFunctions_sagaFailsWithOrderNotFound_whenTheOrderIsMissing() throws Exception {
        String machine = cloud.physicalId("WorkflowOrderFulfillment").orElseThrow();

        String execution =
                sfn.startExecution(
                                r ->
                                        r.stateMachineArn(machine)
                                                .input(
                                                        "{\"orderId\":\"missing-"
                                                                + UUID.randomUUID()
                                                                + "\"}"))
                        .executionArn();

        DescribeExecutionResponse done = awaitDone(execution);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Order.OrderNotFound");
    }

    @Test
    void lambda_invokesTheHealthFunctionWithASampleEvent() throws Exception {
        String event = Files.readString(SharedCloud.REPO.resolve("events/apigw-get-health.json"));

        InvokeResponse response =
                lambda.invoke(
                        r ->
                                r.functionName(cloud.physicalId("HealthFunction").orElseThrow())
                                        .payload(SdkBytes.fromUtf8String(event)));

        assertThat(response.functionError()).isNull();
        JsonNode payload = JSON.readTree(response.payload().asUtf8String());
        assertThat(payload.path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void lambda_reportsUnknownFunctionsAsResourceNotFound() {
        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("no-such-function")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void lambda_rejectsAPayloadThatIsNotJson() {
        assertThatThrownBy(
                        () ->
                                lambda.invoke(
                                        r ->
                                                r.functionName(
                                                                cloud.physicalId("HealthFunction")
                                                                        .orElseThrow())
                                                        .payload(SdkBytes.fromUtf8String("{oops"))))
                .isInstanceOf(InvalidRequestContentException.class);
    }

    private static DescribeExecutionResponse awaitDone(String execution) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> sfn.describeExecution(r -> r.executionArn(execution)),
                        d -> d.status() != ExecutionStatus.RUNNING);
    }
}
