package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.cloud.internal.lambda.fixture.ProbeJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * State kept in {@code --data-dir} survives a restart: items, the token issuer's key, queues and
 * their messages, state machines and executions (a task parked on a token continues afterwards).
 */
class DataDirIT {

    @TempDir Path dataDir;

    private LocalCloud boot() {
        return CloudSteps.onFreePorts(SharedCloud.template(), SharedCloud.handlerJar())
                .dataDir(dataDir)
                .start();
    }

    @Test
    void restart_keepsTableItemsAndAcceptsTokensMintedBefore() throws Exception {
        String token;
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("restart-1"));
        try (LocalCloud first = boot()) {
            String table = first.physicalId("DataIdempotency").orElseThrow();
            try (DynamoDbClient dynamo = Clients.dynamo(first.edgeEndpoint())) {
                dynamo.putItem(
                        r ->
                                r.tableName(table)
                                        .item(
                                                Map.of(
                                                        "id",
                                                        AttributeValue.fromS("restart-1"),
                                                        "v",
                                                        AttributeValue.fromN("42"))));
            }
            token = first.token("carol", List.of(), List.of(), Duration.ofHours(1));
        }

        try (LocalCloud second = boot()) {
            String table = second.physicalId("DataIdempotency").orElseThrow();
            try (DynamoDbClient dynamo = Clients.dynamo(second.edgeEndpoint())) {
                assertThat(dynamo.getItem(r -> r.tableName(table).key(key)).item().get("v").n())
                        .isEqualTo("42");
            }
            HttpResponse<String> me =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(second.gatewayEndpoint() + "/me"))
                                            .header("Authorization", "Bearer " + token)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(second.report().emulated()).anyMatch(l -> l.contains("DataIdempotency"));
        }
    }

    private static final String ROLE = "arn:aws:iam::000000000000:role/local";

    @Test
    void restart_keepsMessagesAndExecutions_andAParkedTaskTakesItsTokenAfterwards()
            throws Exception {
        String queueUrl;
        String messageId;
        String finished;
        String parked;
        List<HistoryEvent> finishedHistory;
        try (LocalCloud first = boot();
                SqsClient sqs = Clients.sqs(first.edgeEndpoint());
                SfnClient sfn = Clients.sfn(first.edgeEndpoint())) {
            queueUrl = sqs.createQueue(r -> r.queueName("datadir-kept")).queueUrl();
            String callbacks = sqs.createQueue(r -> r.queueName("datadir-callbacks")).queueUrl();
            messageId =
                    sqs.sendMessage(
                                    r ->
                                            r.queueUrl(queueUrl)
                                                    .messageBody("hello")
                                                    .messageAttributes(
                                                            Map.of(
                                                                    "kind",
                                                                    MessageAttributeValue.builder()
                                                                            .dataType("String")
                                                                            .stringValue("test")
                                                                            .build())))
                            .messageId();
            // received once and made visible again: the receive count must survive too
            assertThat(
                            sqs.receiveMessage(r -> r.queueUrl(queueUrl).visibilityTimeout(0))
                                    .messages())
                    .hasSize(1);

            String pass =
                    sfn.createStateMachine(
                                    r ->
                                            r.name("datadir-pass")
                                                    .roleArn(ROLE)
                                                    .definition(
                                                            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"v\":1},\"End\":true}}}"))
                            .stateMachineArn();
            finished = sfn.startExecution(r -> r.stateMachineArn(pass)).executionArn();
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    sfn.describeExecution(r -> r.executionArn(finished)).status()
                                            == ExecutionStatus.SUCCEEDED);
            finishedHistory = sfn.getExecutionHistory(r -> r.executionArn(finished)).events();

            parked = CloudSteps.startParkedOnCallback(sfn, "datadir-callback", callbacks);
        }

        try (LocalCloud second = boot();
                SqsClient sqs = Clients.sqs(second.edgeEndpoint());
                SfnClient sfn = Clients.sfn(second.edgeEndpoint())) {
            List<Message> kept =
                    sqs.receiveMessage(
                                    r ->
                                            r.queueUrl(queueUrl)
                                                    .messageAttributeNames("All")
                                                    .messageSystemAttributeNames(
                                                            MessageSystemAttributeName
                                                                    .APPROXIMATE_RECEIVE_COUNT))
                            .messages();
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).messageId()).isEqualTo(messageId);
            assertThat(kept.get(0).body()).isEqualTo("hello");
            assertThat(kept.get(0).messageAttributes().get("kind").stringValue()).isEqualTo("test");
            assertThat(
                            kept.get(0)
                                    .attributes()
                                    .get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .isEqualTo("2");

            assertThat(sfn.describeExecution(r -> r.executionArn(finished)).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(finished)).events())
                    .isEqualTo(finishedHistory);

            CloudSteps.answerCallback(sqs, sfn, "datadir-callbacks", parked, "{\"paid\":true}");
            assertThat(sfn.describeExecution(r -> r.executionArn(parked)).output())
                    .isEqualTo("{\"paid\":true}");
        }
    }

    @Test
    void restart_continuesAStreamMappingAfterItsLastRecord_andAppliesChangedQueueAttributes()
            throws Exception {
        Path code = Files.createDirectories(dataDir.resolve("code"));
        Path log = code.resolve("orderflow-esm-ledger-probe.log");
        Path jar = ProbeJar.build(code);
        Path original = Path.of("src/test/resources/esm-features-template.json");
        // same file name, so the same stack name and physical names
        Path changed = dataDir.resolve("code/esm-features-template.json");
        Files.writeString(
                changed,
                Files.readString(original)
                        .replace("\"VisibilityTimeout\": 2", "\"VisibilityTimeout\": 7"));
        String before = "before-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        for (String id : List.of(before, after)) {
            try (LocalCloud cloud =
                            CloudSteps.onFreePorts(id.equals(before) ? original : changed, jar)
                                    .functionEnvironment("PROBE_DIR", code.toString())
                                    .dataDir(dataDir)
                                    .start();
                    DynamoDbClient dynamo = Clients.dynamo(cloud.edgeEndpoint())) {
                String table = cloud.physicalId("Ledger").orElseThrow();
                CloudSteps.putKind(dynamo, table, id, "keep");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Files.exists(log) && Files.readString(log).contains(id));
                if (id.equals(after)) {
                    try (SqsClient sqs = Clients.sqs(cloud.edgeEndpoint())) {
                        String queue = cloud.physicalId("FilteredQueue").orElseThrow();
                        assertThat(
                                        sqs.getQueueAttributes(
                                                        r ->
                                                                r.queueUrl(queue)
                                                                        .attributeNames(
                                                                                QueueAttributeName
                                                                                        .VISIBILITY_TIMEOUT))
                                                .attributes()
                                                .get(QueueAttributeName.VISIBILITY_TIMEOUT))
                                .isEqualTo("7");
                    }
                }
            }
        }
        // TRIM_HORIZON applies to the first run only: the second run did not deliver `before` again
        assertThat(Files.readString(log).lines().filter(l -> l.contains(before))).hasSize(1);
    }
}
