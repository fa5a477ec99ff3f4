package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.esm.MappingPosition;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.template.EventSourceMappingSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The template's event source mappings with where each one is: for an SQS mapping its queue's
 * depth, in flight and delayed, with the poller's batches in delivery; for a stream mapping each
 * shard's checkpoint (the last record the mapping is done with) and how many records of the shard
 * come after it.
 */
final class MappingsView {

    /** Counting the records behind a checkpoint stops here: the answer says "at least". */
    static final int COUNT_LIMIT = 10_000;

    private static final int PAGE = 1000;

    private final List<EventSourceMappingSpec> mappings;
    private final Supplier<List<MappingPosition>> positions;
    private final AwsJsonClient sqs;
    private final AwsJsonClient streams;

    MappingsView(
            List<EventSourceMappingSpec> mappings,
            Supplier<List<MappingPosition>> positions,
            AwsJsonClient sqs,
            AwsJsonClient streams) {
        this.mappings = List.copyOf(mappings);
        this.positions = positions;
        this.sqs = sqs;
        this.streams = streams;
    }

    ArrayNode list() {
        Map<String, MappingPosition> now =
                positions.get().stream()
                        .collect(Collectors.toMap(MappingPosition::logicalId, p -> p, (a, b) -> a));
        ArrayNode out = Json.mapper().createArrayNode();
        for (EventSourceMappingSpec m : mappings) {
            ObjectNode mapping =
                    out.addObject()
                            .put("logicalId", m.logicalId())
                            .put("function", m.functionName())
                            .put("source", m.eventSourceArn())
                            .put("batchSize", m.batchSize())
                            .put("enabled", m.enabled())
                            .put("startingPosition", m.startingPosition())
                            .put("settings", m.describe());
            MappingPosition position = now.get(m.logicalId());
            if (position == null) {
                mapping.putObject("position").put("kind", "not-polled");
                continue;
            }
            try {
                // Java 17: no pattern switch yet; the interface is sealed to these two
                mapping.set(
                        "position",
                        position instanceof MappingPosition.Queue q
                                ? queue(m, q)
                                : stream(m, (MappingPosition.Stream) position));
            } catch (AwsCallException e) {
                // the queue or stream went away under the mapping: say so, the list still shows
                mapping.putObject("position")
                        .put("kind", "unavailable")
                        .put("error", e.getMessage());
            }
        }
        return out;
    }

    private ObjectNode queue(EventSourceMappingSpec m, MappingPosition.Queue q) {
        String name = m.eventSourceArn().substring(m.eventSourceArn().lastIndexOf(':') + 1);
        String url =
                sqs.call("GetQueueUrl", Json.object().put("QueueName", name))
                        .path("QueueUrl")
                        .asText();
        ObjectNode request = Json.object().put("QueueUrl", url);
        request.putArray("AttributeNames").add("All");
        JsonNode attributes = sqs.call("GetQueueAttributes", request).path("Attributes");
        return Json.object()
                .put("kind", "sqs")
                .put("queue", name)
                .put("visible", attributes.path("ApproximateNumberOfMessages").asLong())
                .put("inFlight", attributes.path("ApproximateNumberOfMessagesNotVisible").asLong())
                .put("delayed", attributes.path("ApproximateNumberOfMessagesDelayed").asLong())
                .put("pollers", q.pollers())
                .put("maxBatches", q.maxBatches())
                .put("batchesInFlight", q.batchesInFlight())
                .put("messagesInFlight", q.messagesInFlight());
    }

    private ObjectNode stream(EventSourceMappingSpec m, MappingPosition.Stream s) {
        ObjectNode out = Json.object().put("kind", "stream");
        ArrayNode shards = out.putArray("shards");
        JsonNode description =
                streams.call("DescribeStream", Json.object().put("StreamArn", m.eventSourceArn()))
                        .path("StreamDescription");
        for (JsonNode shard : description.path("Shards")) {
            String id = shard.path("ShardId").asText();
            String checkpoint = s.checkpoints().get(id);
            ObjectNode o = shards.addObject().put("shardId", id).put("checkpoint", checkpoint);
            o.put("closed", shard.at("/SequenceNumberRange/EndingSequenceNumber").isTextual());
            if (checkpoint == null && !m.startingPosition().equals("TRIM_HORIZON")) {
                // LATEST: what was there before the mapping started is not for it to read
                o.put("behind", 0);
                continue;
            }
            behind(m.eventSourceArn(), id, checkpoint, o);
        }
        return out;
    }

    /** Counts the shard's records after {@code checkpoint} (all of them without one). */
    private void behind(String stream, String shard, String checkpoint, ObjectNode out) {
        ObjectNode request = Json.object().put("StreamArn", stream).put("ShardId", shard);
        if (checkpoint != null) {
            request.put("ShardIteratorType", "AFTER_SEQUENCE_NUMBER");
            request.put("SequenceNumber", checkpoint);
        } else {
            request.put("ShardIteratorType", "TRIM_HORIZON");
        }
        String iterator = streams.call("GetShardIterator", request).path("ShardIterator").asText();
        int count = 0;
        String latest = checkpoint;
        while (iterator != null && count < COUNT_LIMIT) {
            JsonNode page =
                    streams.call(
                            "GetRecords",
                            Json.object().put("ShardIterator", iterator).put("Limit", PAGE));
            JsonNode records = page.path("Records");
            if (records.isEmpty()) {
                break;
            }
            count += records.size();
            latest = records.get(records.size() - 1).at("/dynamodb/SequenceNumber").asText();
            iterator =
                    page.path("NextShardIterator").isTextual()
                            ? page.path("NextShardIterator").asText()
                            : null;
        }
        out.put("latest", latest);
        out.put("behind", count);
        out.put("behindAtLeast", count >= COUNT_LIMIT);
    }
}
