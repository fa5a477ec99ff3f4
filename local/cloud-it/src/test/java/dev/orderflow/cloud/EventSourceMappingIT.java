package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.cloud.internal.lambda.fixture.ProbeJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An SQS event source mapping from a template, with a probe function and a DLQ. */
class EventSourceMappingIT {

    @TempDir static Path dir;
    private static LocalCloud cloud;
    private static SqsClient sqs;

    @BeforeAll
    static void boot() throws Exception {
        cloud =
                CloudSteps.onFreePorts(
                                Path.of("src/test/resources/esm-template.json"),
                                ProbeJar.build(dir))
                        .functionEnvironment("PROBE_DIR", dir.toString())
                        .start();
        sqs = Clients.sqs(cloud.edgeEndpoint());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void report_listsTheMappingAndNamesTheUnsupportedKinesisStream() {
        assertThat(cloud.report().emulated())
                .anyMatch(l -> l.startsWith("mapping") && l.contains("ReportBatchItemFailures"));
        assertThat(cloud.report().unsupported()).anyMatch(l -> l.contains("AWS::Kinesis::Stream"));
    }

    @Test
    void mapping_deletesMessagesTheFunctionProcessed() {
        String queue = cloud.physicalId("Work5").orElseThrow();
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("ok"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inQueue(queue) == 0);
    }

    @Test
    void mapping_leavesFailedMessagesToTheRedrivePolicy() {
        String queue = cloud.physicalId("Work5").orElseThrow();
        String dlq = cloud.physicalId("WorkDlq").orElseThrow();
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("poison"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inQueue(dlq) == 1);
    }

    @Test
    void streamMapping_deliversTableChangesToTheFunction() throws Exception {
        java.nio.file.Path log = dir.resolve("orderflow-esm-stream-probe.log");
        String table = cloud.physicalId("Events").orElseThrow();
        try (var dynamo = Clients.dynamo(cloud.edgeEndpoint())) {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(
                                            Map.of(
                                                    "id",
                                                    software.amazon.awssdk.services.dynamodb.model
                                                            .AttributeValue.fromS(
                                                            "e-" + java.util.UUID.randomUUID()))));
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                java.nio.file.Files.exists(log)
                                        && java.nio.file.Files.readString(log).contains("INSERT"));
    }

    private static int inQueue(String url) {
        return CloudSteps.inQueue(sqs, url);
    }
}
