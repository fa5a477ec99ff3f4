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
import dev.orderflow.cloud.internal.threads.DaemonThreads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DynamoDB Streams event source mapping (AWS docs "Using AWS Lambda with Amazon DynamoDB"): reads
 * every shard of the table's stream from {@code StartingPosition}, drops records that match no
 * {@code FilterCriteria} pattern, and invokes the function with a {@code DynamodbEvent} of up to
 * {@code BatchSize} records, in up to {@code ParallelizationFactor} batches at once split by
 * partition key. A failed batch is retried (from the first reported failure with
 * ReportBatchItemFailures; split in two first with BisectBatchOnFunctionError, which costs no
 * retry) until it succeeds, {@code MaximumRetryAttempts} is used up or its records are older than
 * {@code MaximumRecordAgeInSeconds}; then the records are skipped and, with an OnFailure
 * destination, a failure record describing them is sent to that SQS queue.
 */
final class StreamPoller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    private static final long IDLE_MILLIS = 250;
    private static final long RETRY_MILLIS = 500;

    /** One invocation's outcome: what is left to deliver and whether the function failed. */
    private record Attempt(List<JsonNode> remaining, boolean functionError) {}

    private final EventSourceMappingSpec mapping;
    private final AwsJsonClient streams;
    private final StreamFailureDestination onFailure;
    private final LambdaRuntime lambdas;
    private final String region;
    private final EventFilter filter;
    private final ShardCheckpoints checkpoints;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final ExecutorService lanes;
    private volatile String hashKey;
    private volatile boolean running = true;

    StreamPoller(
            EventSourceMappingSpec mapping,
            AwsJsonClient streams,
            AwsJsonClient sqs,
            LambdaRuntime lambdas,
            String region,
            ShardCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.mapping = mapping;
        this.streams = streams;
        this.onFailure = new StreamFailureDestination(mapping, sqs, region);
        this.lambdas = lambdas;
        this.region = region;
        this.filter = new EventFilter(mapping.filterPatterns());
        this.lanes =
                mapping.parallelizationFactor() > 1
                        ? Executors.newFixedThreadPool(
                                mapping.parallelizationFactor(),
                                DaemonThreads.named("esm-" + mapping.logicalId() + "-lane"))
                        : null;
    }

    /** Its checkpoints now. */
    MappingPosition.Stream position() {
        return new MappingPosition.Stream(mapping.logicalId(), checkpoints.all());
    }

    void stop() {
        running = false;
        if (lanes != null) {
            lanes.shutdownNow();
        }
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
        JsonNode description =
                streams.call(
                                "DescribeStream",
                                Json.object().put("StreamArn", mapping.eventSourceArn()))
                        .path("StreamDescription");
        for (JsonNode k : description.path("KeySchema")) {
            if ("HASH".equals(k.path("KeyType").asText())) {
                hashKey = k.path("AttributeName").asText();
            }
        }
        JsonNode shards = description.path("Shards");
        for (JsonNode shard : shards) {
            String id = shard.path("ShardId").asText();
            if (iterators.containsKey(id) || finished.contains(id)) {
                continue;
            }
            ObjectNode request =
                    Json.object().put("StreamArn", mapping.eventSourceArn()).put("ShardId", id);
            Optional<String> done = checkpoints.position(id);
            if (done.isPresent()) {
                request.put("ShardIteratorType", "AFTER_SEQUENCE_NUMBER");
                request.put("SequenceNumber", done.get());
            } else {
                request.put("ShardIteratorType", mapping.startingPosition());
            }
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
        List<JsonNode> batch = new ArrayList<>();
        for (JsonNode record : records) {
            ObjectNode r = record.deepCopy();
            StreamRecordShape.toLambdaEvent(r);
            r.put("eventSourceARN", mapping.eventSourceArn());
            if (!r.has("awsRegion")) {
                r.put("awsRegion", region);
            }
            if (filter.matches(r)) {
                batch.add(r);
            }
        }
        boolean handled = batch.isEmpty() || processLanes(shard, batch);
        if (handled) {
            // Also while stopping: a batch whose delivery finished must not come again.
            checkpoints.save(shard, sequenceNumber(records.get(records.size() - 1)));
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

    /**
     * With ParallelizationFactor N, the page's records go out in up to N batches at once, each
     * holding whole partition keys in stream order ({@link StreamLanes}); the shard's position
     * moves on once every lane is done, so a restart delivers at least once, as on AWS.
     */
    private boolean processLanes(String shard, List<JsonNode> batch) {
        List<List<JsonNode>> split =
                StreamLanes.split(batch, mapping.parallelizationFactor(), hashKey);
        if (split.size() == 1 || lanes == null) {
            return process(shard, batch);
        }
        List<Future<Boolean>> inFlight = new ArrayList<>();
        for (List<JsonNode> lane : split) {
            inFlight.add(lanes.submit(() -> process(shard, lane)));
        }
        boolean handled = true;
        for (Future<Boolean> lane : inFlight) {
            try {
                handled &= lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                LOG.warn("event source mapping {}: lane failed", mapping.logicalId(), e.getCause());
            }
        }
        return handled;
    }

    /**
     * Delivers {@code batch} until it succeeds, is discarded, or the mapping stops; false when the
     * mapping stopped first (the batch must come again after a restart).
     */
    private boolean process(String shard, List<JsonNode> batch) {
        List<JsonNode> pending = batch;
        int invokes = 0;
        while (running && !pending.isEmpty()) {
            pending = withoutExpired(shard, pending, invokes);
            if (pending.isEmpty()) {
                return true;
            }
            Attempt attempt = invoke(pending);
            invokes++;
            if (attempt.remaining().isEmpty()) {
                return true;
            }
            if (attempt.functionError()
                    && mapping.bisectBatchOnFunctionError()
                    && attempt.remaining().size() > 1) {
                // AWS: splitting a batch does not count towards the retry quota.
                List<JsonNode> failed = attempt.remaining();
                int half = failed.size() / 2;
                boolean first = process(shard, new ArrayList<>(failed.subList(0, half)));
                return process(shard, new ArrayList<>(failed.subList(half, failed.size())))
                        && first;
            }
            if (mapping.maximumRetryAttempts() >= 0 && invokes > mapping.maximumRetryAttempts()) {
                LOG.warn(
                        "event source mapping {}: {} records skipped after {} attempts",
                        mapping.logicalId(),
                        attempt.remaining().size(),
                        invokes);
                onFailure.send(shard, attempt.remaining(), "RetryAttemptsExhausted", invokes);
                return true;
            }
            pending = attempt.remaining();
            pause(RETRY_MILLIS);
        }
        return pending.isEmpty();
    }

    /** Discards (and reports) records older than MaximumRecordAgeInSeconds; returns the rest. */
    private List<JsonNode> withoutExpired(String shard, List<JsonNode> batch, int invokes) {
        if (mapping.maximumRecordAgeSeconds() < 0) {
            return batch;
        }
        long oldest = System.currentTimeMillis() / 1000 - mapping.maximumRecordAgeSeconds();
        List<JsonNode> expired = new ArrayList<>();
        List<JsonNode> live = new ArrayList<>();
        for (JsonNode r : batch) {
            (arrival(r) < oldest ? expired : live).add(r);
        }
        if (!expired.isEmpty()) {
            LOG.warn(
                    "event source mapping {}: {} records older than {} s skipped",
                    mapping.logicalId(),
                    expired.size(),
                    mapping.maximumRecordAgeSeconds());
            onFailure.send(shard, expired, "RecordAgeExceeded", invokes);
        }
        return live;
    }

    static long arrival(JsonNode record) {
        return record.path("dynamodb").path("ApproximateCreationDateTime").asLong();
    }

    /** Invokes once. */
    private Attempt invoke(List<JsonNode> batch) {
        ObjectNode event = Json.object();
        ArrayNode out = event.putArray("Records");
        batch.forEach(out::add);
        try {
            InvocationResult result = lambdas.invoke(mapping.functionName(), Json.bytes(event));
            if (result instanceof InvocationResult.FunctionError) {
                LOG.warn(
                        "event source mapping {}: batch of {} failed",
                        mapping.logicalId(),
                        batch.size());
                return new Attempt(batch, true);
            }
            if (mapping.reportsBatchItemFailures()) {
                return new Attempt(fromFirstFailure(batch, result), false);
            }
            return new Attempt(List.of(), false);
        } catch (LambdaException e) {
            LOG.warn("event source mapping {}: {}", mapping.logicalId(), e.getMessage());
            return new Attempt(batch, false);
        }
    }

    /**
     * The records from the first reported failure on (AWS docs "Configuring partial batch response
     * with DynamoDB and Lambda": the batch is retried from the lowest reported sequence number; an
     * identifier that is empty or not in the batch fails the whole batch).
     */
    private List<JsonNode> fromFirstFailure(List<JsonNode> batch, InvocationResult result) {
        JsonNode failures;
        try {
            failures = Json.parse(result.payload()).path("batchItemFailures");
        } catch (IOException e) {
            LOG.warn("event source mapping {}: unreadable batch response", mapping.logicalId());
            return batch;
        }
        int first = batch.size();
        for (JsonNode f : failures) {
            String id = f.path("itemIdentifier").asText("");
            int at = -1;
            for (int i = 0; i < batch.size(); i++) {
                if (sequenceNumber(batch.get(i)).equals(id)) {
                    at = i;
                }
            }
            if (at < 0) {
                return batch;
            }
            first = Math.min(first, at);
        }
        return new ArrayList<>(batch.subList(first, batch.size()));
    }

    static String sequenceNumber(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
