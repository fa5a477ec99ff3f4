package dev.orderflow.cloud;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Calls the console's JSON API on the edge, and makes what the console tests look at. */
final class ConsoleClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI edge;

    ConsoleClient(LocalCloud cloud) {
        this.edge = cloud.edgeEndpoint();
    }

    URI page() {
        return edge.resolve("/_console/");
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(edge.resolve(path)).GET().build());
    }

    /** A GET under {@code /_console/api/} that must answer 200, as JSON. */
    JsonNode api(String pathAndQuery) {
        HttpResponse<String> response = get("/_console/api/" + pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(
                HttpRequest.newBuilder(edge.resolve(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Parallel whose second branch fails (caught), an INLINE Map whose iterations take different
     * Choice branches and a DISTRIBUTED Map whose items run as child executions.
     */
    static final String LANES =
            """
            {"StartAt": "Fan", "States": {
              "Fan": {"Type": "Parallel", "Next": "Items", "ResultPath": null,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Items", "ResultPath": null}],
                "Branches": [
                  {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
                  {"StartAt": "Right", "States": {"Right": {"Type": "Fail", "Error": "Right.Broken", "Cause": "branch 1"}}}]},
              "Items": {"Type": "Map", "ItemsPath": "$.items", "Next": "Spread", "ResultPath": null,
                "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Check", "States": {
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 1, "Next": "Odd"}], "Default": "Even"},
                  "Odd": {"Type": "Pass", "End": true},
                  "Even": {"Type": "Pass", "End": true}}}},
              "Spread": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                  "StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}}}}
            """;

    /** Runs {@link #LANES} on items 0, 1 and 2 to its end; its execution's ARN. */
    static String lanesExecution(SfnClient sfn) {
        String machine =
                sfn.createStateMachine(
                                r ->
                                        r.name("console-lanes-" + UUID.randomUUID())
                                                .roleArn("arn:aws:iam::000000000000:role/console")
                                                .definition(LANES))
                        .stateMachineArn();
        String arn =
                sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"items\": [0, 1, 2]}"))
                        .executionArn();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                !sfn.describeExecution(r -> r.executionArn(arn))
                                        .statusAsString()
                                        .equals("RUNNING"));
        return arn;
    }

    /** The queue named so in the console's queue list. */
    JsonNode queue(String name) {
        for (JsonNode q : api("queues").path("queues")) {
            if (q.path("name").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("the console lists no queue " + name);
    }

    /** A source queue and its dead-letter queue of this test's own, nothing consuming them. */
    record QueuePair(String source, String dlq, String dlqUrl) {}

    static QueuePair queuePair(SqsClient sqs) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String dlqName = "console-dlq-" + suffix;
        String dlqUrl = sqs.createQueue(c -> c.queueName(dlqName)).queueUrl();
        String dlqArn =
                sqs.getQueueAttributes(
                                g ->
                                        g.queueUrl(dlqUrl)
                                                .attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes()
                        .get(QueueAttributeName.QUEUE_ARN);
        String sourceName = "console-source-" + suffix;
        sqs.createQueue(
                c ->
                        c.queueName(sourceName)
                                .attributes(
                                        Map.of(
                                                QueueAttributeName.REDRIVE_POLICY,
                                                "{\"deadLetterTargetArn\":\""
                                                        + dlqArn
                                                        + "\",\"maxReceiveCount\":\"3\"}")));
        return new QueuePair(sourceName, dlqName, dlqUrl);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
