package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.cloud.internal.lambda.fixture.ProbeJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Event source mapping properties from a template, with the probe function: FilterCriteria on SQS
 * and on a DynamoDB stream, MaximumRetryAttempts with BisectBatchOnFunctionError and an OnFailure
 * SQS destination, ReportBatchItemFailures on a stream, and the report of a property the local
 * pollers do not emulate.
 */
class EventSourceMappingFeaturesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    private static Path filteredLog;
    private static Path ledgerLog;
    private static LocalCloud cloud;
    private static SqsClient sqs;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void boot() throws Exception {
        filteredLog = dir.resolve("orderflow-esm-filtered-probe.log");
        ledgerLog = dir.resolve("orderflow-esm-ledger-probe.log");
        cloud =
                CloudSteps.onFreePorts(
                                Path.of("src/test/resources/esm-features-template.json"),
                                ProbeJar.build(dir))
                        .functionEnvironment("PROBE_DIR", dir.toString())
                        .start();
        sqs = Clients.sqs(cloud.edgeEndpoint());
        dynamo = Clients.dynamo(cloud.edgeEndpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        dynamo.close();
        cloud.close();
    }

    @Test
    void report_namesTheMappingPropertyThatIsNotEmulated() {
        assertThat(cloud.report().unsupported())
                .anyMatch(
                        l -> l.contains("LedgerMapping") && l.contains("TumblingWindowInSeconds"));
        assertThat(cloud.report().emulated())
                .anyMatch(
                        l ->
                                l.startsWith("mapping")
                                        && l.contains("retries 1")
                                        && l.contains("bisect")
                                        && l.contains("on failure"));
    }

    @Test
    void sqsFilter_deliversMatchingMessages_andDeletesTheOthersWithoutInvoking() throws Exception {
        String queue = cloud.physicalId("FilteredQueue").orElseThrow();
        String run = UUID.randomUUID().toString();
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body("drop", 1, run)));
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body("keep", 2, run)));
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body("other", 500, run)));
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("not json " + run));

        await().atMost(Duration.ofSeconds(30)).until(() -> inQueue(queue) == 0);
        String log = Files.exists(filteredLog) ? Files.readString(filteredLog) : "";
        assertThat(log.lines().filter(l -> l.contains(run)))
                .containsExactlyInAnyOrder(body("keep", 2, run), body("other", 500, run));
    }

    @Test
    void streamFilter_skipsRecordsThatMatchNoPattern() throws Exception {
        String skipped = "skipped-" + UUID.randomUUID();
        String kept = "kept-" + UUID.randomUUID();
        put(skipped, "skip");
        put(kept, "keep");

        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerLog().contains("INSERT:" + kept));
        assertThat(ledgerLog()).doesNotContain(skipped);
    }

    @Test
    void streamBatchThatKeepsFailing_isBisectedRetriedOnce_andReportedToTheOnFailureQueue()
            throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        String healthy = "healthy-" + UUID.randomUUID();
        // one write, so both records reach the stream, and the function, in one batch
        String table = cloud.physicalId("Ledger").orElseThrow();
        dynamo.batchWriteItem(
                r ->
                        r.requestItems(
                                Map.of(
                                        table,
                                        List.of(
                                                WriteRequest.builder()
                                                        .putRequest(p -> p.item(item(poison)))
                                                        .build(),
                                                WriteRequest.builder()
                                                        .putRequest(p -> p.item(item(healthy)))
                                                        .build()))));
        String failures = cloud.physicalId("StreamFailures").orElseThrow();

        JsonNode failure =
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> firstFailure(failures), f -> f != null);
        assertThat(failure.path("requestContext").path("condition").asText())
                .isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt())
                .isEqualTo(2);
        assertThat(failure.path("requestContext").path("functionArn").asText())
                .contains(":function:");
        assertThat(failure.path("responseContext").path("functionError").asText())
                .isEqualTo("Unhandled");
        assertThat(failure.path("version").asText()).isEqualTo("1.0");
        JsonNode info = failure.path("DDBStreamBatchInfo");
        assertThat(info.path("batchSize").asInt()).isEqualTo(1);
        assertThat(info.path("streamArn").asText()).contains("/stream/");
        assertThat(info.path("shardId").asText()).isNotEmpty();
        assertThat(info.path("startSequenceNumber").asText())
                .isEqualTo(info.path("endSequenceNumber").asText())
                .isNotEmpty();
        assertThat(info.path("approximateArrivalOfFirstRecord").asText()).endsWith("Z");
        // bisected: the healthy record came in the failed batch, then alone, and succeeded
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                ledgerLog()
                                                .lines()
                                                .filter(l -> l.equals("INSERT:" + healthy))
                                                .count()
                                        == 2);

        String after = "after-" + UUID.randomUUID();
        put(after, "keep");
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerLog().contains("INSERT:" + after));
    }

    @Test
    void streamBatchItemFailure_retriesFromTheReportedRecord() {
        String partial = "partial-" + UUID.randomUUID();
        put(partial, "keep");

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                ledgerLog()
                                                .lines()
                                                .filter(l -> l.equals("INSERT:" + partial))
                                                .count()
                                        == 2);
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    @Test
    void sqsBatchItemFailures_leaveOnlyTheReportedMessages_andAnUnknownIdFailsTheBatch()
            throws Exception {
        String queue = cloud.physicalId("PartialQueue").orElseThrow();
        String dlq = cloud.physicalId("PartialDlq").orElseThrow();
        String run = UUID.randomUUID().toString();
        // one batch: the reported message goes to the DLQ (maxReceiveCount 1), the other is
        // deleted.
        // The queue's visibility timeout (3 s) outlasts the mapping's batching window (1 s) and the
        // invocation, as Lambda's guidance asks: with 1 s, a message still being batched became
        // visible again, a second poller received it, and its second receive sent it to the DLQ.
        sqs.sendMessageBatch(
                r ->
                        r.queueUrl(queue)
                                .entries(
                                        e -> e.id("ok").messageBody("ok-" + run),
                                        e -> e.id("failed").messageBody("fail-item-" + run)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inQueue(queue) == 0 && bodies(dlq).contains("fail-item-" + run));
        assertThat(bodies(dlq)).doesNotContain("ok-" + run);

        // An itemIdentifier that is not in the batch fails the whole batch: the message is not
        // deleted as a success but redriven. (Sent alone, so the poller cannot split it from a
        // message that would succeed in a batch of its own.)
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("bad-id-" + run));
        await().atMost(Duration.ofSeconds(60)).until(() -> bodies(dlq).contains("bad-id-" + run));
    }

    /** Bodies on a queue, read without consuming (visibility timeout 0). */
    private static List<String> bodies(String queue) {
        return sqs
                .receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).visibilityTimeout(0))
                .messages()
                .stream()
                .map(Message::body)
                .toList();
    }

    private static String body(String kind, int amount, String run) {
        return "{\"kind\":\"" + kind + "\",\"amount\":" + amount + ",\"run\":\"" + run + "\"}";
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.fromS(id), "kind", AttributeValue.fromS("keep"));
    }

    private static void put(String id, String kind) {
        CloudSteps.putKind(dynamo, cloud.physicalId("Ledger").orElseThrow(), id, kind);
    }

    private static String ledgerLog() throws Exception {
        return Files.exists(ledgerLog) ? Files.readString(ledgerLog) : "";
    }

    /** The first failure record on the queue (only the poison record ever fails for good). */
    private static JsonNode firstFailure(String queue) throws Exception {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue)).messages();
        return messages.isEmpty() ? null : JSON.readTree(messages.get(0).body());
    }

    private static int inQueue(String url) {
        return CloudSteps.inQueue(sqs, url);
    }
}
