package dev.orderflow.cloud.internal.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.template.EventSourceMappingSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a stream mapping reports the records it gave up on: its SQS OnFailure destination. */
final class StreamFailureDestination {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFailureDestination.class);

    private final EventSourceMappingSpec mapping;
    private final AwsJsonClient sqs;
    private final String region;

    StreamFailureDestination(EventSourceMappingSpec mapping, AwsJsonClient sqs, String region) {
        this.mapping = mapping;
        this.sqs = sqs;
        this.region = region;
    }

    /**
     * Sends the on-failure record AWS documents for stream sources ("Retaining discarded batches
     * for a DynamoDB event source"): the invocation context and {@code DDBStreamBatchInfo}.
     */
    void send(String shard, List<JsonNode> records, String condition, int invokes) {
        if (mapping.onFailureDestination().isEmpty()) {
            return;
        }
        String[] arn = mapping.eventSourceArn().split(":", -1);
        ObjectNode failure = Json.object();
        ObjectNode request = failure.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put(
                "functionArn",
                "arn:aws:lambda:" + region + ":" + arn[4] + ":function:" + mapping.functionName());
        request.put("condition", condition);
        request.put("approximateInvokeCount", invokes);
        if (invokes > 0) {
            ObjectNode response = failure.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", "$LATEST");
            response.put("functionError", "Unhandled");
        }
        failure.put("version", "1.0");
        failure.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode info = failure.putObject("DDBStreamBatchInfo");
        info.put("shardId", shard);
        info.put("startSequenceNumber", StreamPoller.sequenceNumber(records.get(0)));
        info.put("endSequenceNumber", StreamPoller.sequenceNumber(records.get(records.size() - 1)));
        info.put(
                "approximateArrivalOfFirstRecord",
                Instant.ofEpochSecond(StreamPoller.arrival(records.get(0))).toString());
        info.put(
                "approximateArrivalOfLastRecord",
                Instant.ofEpochSecond(StreamPoller.arrival(records.get(records.size() - 1)))
                        .toString());
        info.put("batchSize", records.size());
        info.put("streamArn", mapping.eventSourceArn());
        String destination = mapping.onFailureDestination().get();
        try {
            String url =
                    sqs.call(
                                    "GetQueueUrl",
                                    Json.object()
                                            .put(
                                                    "QueueName",
                                                    destination.substring(
                                                            destination.lastIndexOf(':') + 1)))
                            .path("QueueUrl")
                            .asText();
            sqs.call(
                    "SendMessage",
                    Json.object().put("QueueUrl", url).put("MessageBody", Json.text(failure)));
        } catch (AwsCallException e) {
            LOG.error(
                    "event source mapping {}: cannot send the failure record to {}: {}",
                    mapping.logicalId(),
                    destination,
                    e.getMessage());
        }
    }
}
