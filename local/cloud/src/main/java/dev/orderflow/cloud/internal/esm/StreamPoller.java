package dev.orderflow.cloud.internal.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import dev.orderflow.cloud.internal.lambda.InvocationResult;
import dev.orderflow.cloud.internal.lambda.LambdaException;
import dev.orderflow.cloud.internal.lambda.LambdaRuntime;
import dev.orderflow.cloud.internal.template.EventSourceMappingSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DynamoDB Streams event source mapping: reads every shard of the table's stream through the
 * engine's Streams API, invokes the function with a {@code DynamodbEvent} of up to {@code
 * BatchSize} records, and retries a failed batch (from the first reported failure with
 * ReportBatchItemFailures) until it succeeds, as Lambda does by default.
 */
final class StreamPoller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    private static final long IDLE_MILLIS = 250;

    private final EventSourceMappingSpec mapping;
    private final AwsJsonClient streams;
    private final LambdaRuntime lambdas;
    private final String region;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private volatile boolean running = true;

    StreamPoller(
            EventSourceMappingSpec mapping,
            AwsJsonClient streams,
            LambdaRuntime lambdas,
            String region) {
        this.mapping = mapping;
        this.streams = streams;
        this.lambdas = lambdas;
        this.region = region;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long lastDescribe = 0;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (System.currentTimeMillis() - lastDescribe > 2000) {
                    discoverShards();
                    lastDescribe = System.currentTimeMillis();
                }
                boolean any = false;
                for (String shard : new ArrayList<>(iterators.keySet())) {
                    any |= poll(shard);
                }
                if (!any) {
                    pause(IDLE_MILLIS);
                }
            } catch (AwsCallException e) {
                if (!running) {
                    return;
                }
                LOG.warn("event source mapping {}: {}", mapping.logicalId(), e.getMessage());
                pause(1000);
            }
        }
    }

    private void discoverShards() {
        JsonNode shards =
                streams.call(
                                "DescribeStream",
                                Json.object().put("StreamArn", mapping.eventSourceArn()))
                        .path("StreamDescription")
                        .path("Shards");
        for (JsonNode shard : shards) {
            String id = shard.path("ShardId").asText();
            if (iterators.containsKey(id) || finished.contains(id)) {
                continue;
            }
            ObjectNode request =
                    Json.object()
                            .put("StreamArn", mapping.eventSourceArn())
                            .put("ShardId", id)
                            .put("ShardIteratorType", mapping.startingPosition());
            iterators.put(
                    id, streams.call("GetShardIterator", request).path("ShardIterator").asText());
        }
    }

    /** Reads and delivers one batch of a shard; true when there were records. */
    private boolean poll(String shard) {
        ObjectNode request =
                Json.object()
                        .put("ShardIterator", iterators.get(shard))
                        .put("Limit", mapping.batchSize());
        JsonNode page = streams.call("GetRecords", request);
        JsonNode records = page.path("Records");
        if (records.isEmpty()) {
            advance(shard, page);
            return false;
        }
        List<JsonNode> pending = new ArrayList<>();
        records.forEach(pending::add);
        while (running && !pending.isEmpty()) {
            pending = deliver(pending);
            if (!pending.isEmpty()) {
                pause(1000);
            }
        }
        advance(shard, page);
        return true;
    }

    private void advance(String shard, JsonNode page) {
        JsonNode next = page.path("NextShardIterator");
        if (next.isTextual()) {
            iterators.put(shard, next.asText());
        } else {
            iterators.remove(shard);
            finished.add(shard);
        }
    }

    /** Invokes once; returns the records still to deliver (empty on success). */
    private List<JsonNode> deliver(List<JsonNode> batch) {
        ObjectNode event = Json.object();
        ArrayNode out = event.putArray("Records");
        for (JsonNode record : batch) {
            ObjectNode r = record.deepCopy();
            r.put("eventSourceARN", mapping.eventSourceArn());
            if (!r.has("awsRegion")) {
                r.put("awsRegion", region);
            }
            out.add(r);
        }
        try {
            InvocationResult result = lambdas.invoke(mapping.functionName(), Json.bytes(event));
            if (result instanceof InvocationResult.FunctionError) {
                LOG.warn(
                        "event source mapping {}: batch of {} failed, retrying",
                        mapping.logicalId(),
                        batch.size());
                return batch;
            }
            if (mapping.reportsBatchItemFailures()) {
                JsonNode failures = Json.parse(result.payload()).path("batchItemFailures");
                if (failures.size() > 0) {
                    String first = failures.get(0).path("itemIdentifier").asText();
                    for (int i = 0; i < batch.size(); i++) {
                        if (batch.get(i)
                                .path("dynamodb")
                                .path("SequenceNumber")
                                .asText()
                                .equals(first)) {
                            return new ArrayList<>(batch.subList(i, batch.size()));
                        }
                    }
                }
            }
            return List.of();
        } catch (LambdaException e) {
            LOG.warn("event source mapping {}: {}", mapping.logicalId(), e.getMessage());
            return batch;
        } catch (IOException e) {
            LOG.warn("event source mapping {}: unreadable batch response", mapping.logicalId());
            return List.of();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
