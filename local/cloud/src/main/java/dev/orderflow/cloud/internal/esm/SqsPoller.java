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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SQS event source mapping (AWS docs "Using Lambda with Amazon SQS"): long-polls the queue,
 * gathers up to {@code BatchSize} messages within the batching window, invokes the function with an
 * {@code SQSEvent}, deletes what succeeded (all, or all but {@code batchItemFailures} with
 * ReportBatchItemFailures; an identifier that is empty or not in the batch fails the whole batch).
 * Messages that match no {@code FilterCriteria} pattern are deleted without invoking, as Lambda
 * does; the body is matched as JSON when it is JSON, else as a plain string. Failed messages
 * reappear after the visibility timeout and move to the queue's DLQ after maxReceiveCount, which
 * ElasticMQ enforces. Each poller thread keeps one batch in flight; the pollers scale between one
 * (idle) and the mapping's limit with the queue's backlog (see {@link #scale}).
 */
final class SqsPoller implements Runnable {

    /** Lambda keeps at least five batches in flight on a busy queue before it scales further. */
    static final int MIN_BATCHES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(SqsPoller.class);

    private final EventSourceMappingSpec mapping;
    private final AwsJsonClient sqs;
    private final LambdaRuntime lambdas;
    private final String region;
    private final EventFilter filter;
    private final int maxBatches;
    private final AtomicInteger pollers = new AtomicInteger();
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger batchesInFlight = new AtomicInteger();
    private final AtomicInteger messagesInFlight = new AtomicInteger();
    private volatile boolean running = true;

    SqsPoller(
            EventSourceMappingSpec mapping,
            AwsJsonClient sqs,
            LambdaRuntime lambdas,
            String region,
            int maxBatches) {
        this.maxBatches = maxBatches;
        this.mapping = mapping;
        this.sqs = sqs;
        this.lambdas = lambdas;
        this.region = region;
        this.filter = new EventFilter(mapping.filterPatterns());
    }

    /**
     * Starts one poller; the first messages bring the mapping to {@link #MIN_BATCHES} (or its cap).
     * An idle queue needs only one long poll, and a booting stack is not slowed by pollers that
     * have nothing to do yet.
     */
    void start() {
        addPoller();
    }

    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    /** Its pollers and the batches in delivery now. */
    MappingPosition.Queue position() {
        return new MappingPosition.Queue(
                mapping.logicalId(),
                pollers.get(),
                maxBatches,
                batchesInFlight.get(),
                messagesInFlight.get());
    }

    /** The most batches this mapping may have in flight. */
    int maxBatches() {
        return maxBatches;
    }

    private void addPoller() {
        int now;
        do {
            now = pollers.get();
            if (now >= maxBatches) {
                return;
            }
        } while (!pollers.compareAndSet(now, now + 1));
        Thread t =
                DaemonThreads.daemon(
                        this, "esm-" + mapping.logicalId() + "-" + numbers.incrementAndGet());
        threads.add(t); // before it runs: it removes itself when it stops
        t.start();
    }

    /**
     * Scales like Lambda's SQS pollers: messages bring at least {@link #MIN_BATCHES} batches in
     * flight, a full batch (messages are waiting) one more, up to the limit; an empty long poll
     * means the queue is drained, so a poller stops until one is left. Returns false when this
     * poller should stop.
     */
    private boolean scale(int received, int asked) {
        if (received > 0) {
            while (pollers.get() < Math.min(MIN_BATCHES, maxBatches)) {
                addPoller();
            }
            if (received >= asked) {
                addPoller();
            }
            return true;
        }
        int now = pollers.get();
        if (now > 1 && pollers.compareAndSet(now, now - 1)) {
            threads.remove(Thread.currentThread());
            return false;
        }
        return true;
    }

    @Override
    public void run() {
        String queueName =
                mapping.eventSourceArn().substring(mapping.eventSourceArn().lastIndexOf(':') + 1);
        String url;
        try {
            url =
                    sqs.call("GetQueueUrl", Json.object().put("QueueName", queueName))
                            .path("QueueUrl")
                            .asText();
        } catch (AwsCallException e) {
            LOG.error(
                    "event source mapping {}: queue {} not found", mapping.logicalId(), queueName);
            return;
        }
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<JsonNode> batch = collect(url);
                if (!scale(batch.size(), Math.min(10, mapping.batchSize()))) {
                    return;
                }
                if (!batch.isEmpty()) {
                    deliver(url, batch);
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

    private List<JsonNode> collect(String url) {
        List<JsonNode> batch = new ArrayList<>();
        long windowEnds =
                System.currentTimeMillis() + mapping.maximumBatchingWindowSeconds() * 1000L;
        do {
            int want = Math.min(10, mapping.batchSize() - batch.size());
            ObjectNode receive =
                    Json.object().put("QueueUrl", url).put("MaxNumberOfMessages", want);
            receive.put("WaitTimeSeconds", batch.isEmpty() ? 2 : 0);
            receive.putArray("AttributeNames").add("All");
            receive.putArray("MessageAttributeNames").add("All");
            JsonNode messages = sqs.call("ReceiveMessage", receive).path("Messages");
            messages.forEach(batch::add);
            if (messages.isEmpty() && System.currentTimeMillis() >= windowEnds) {
                break;
            }
        } while (running
                && batch.size() < mapping.batchSize()
                && System.currentTimeMillis() < windowEnds);
        return batch;
    }

    private void deliver(String url, List<JsonNode> received) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        List<JsonNode> batch = new ArrayList<>();
        List<JsonNode> dropped = new ArrayList<>();
        for (JsonNode m : received) {
            ObjectNode r = record(m);
            if (filter.matches(filterView(r))) {
                records.add(r);
                batch.add(m);
            } else {
                dropped.add(m);
            }
        }
        if (!dropped.isEmpty()) {
            delete(url, dropped, Set.of());
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<String> failed = new HashSet<>();
        batchesInFlight.incrementAndGet();
        messagesInFlight.addAndGet(batch.size());
        try {
            InvocationResult result = lambdas.invoke(mapping.functionName(), Json.bytes(event));
            if (result instanceof InvocationResult.FunctionError) {
                LOG.warn(
                        "event source mapping {}: batch of {} failed, messages stay on the queue",
                        mapping.logicalId(),
                        batch.size());
                return;
            }
            if (mapping.reportsBatchItemFailures() && !reportedFailures(result, batch, failed)) {
                return;
            }
        } catch (LambdaException e) {
            LOG.warn("event source mapping {}: {}", mapping.logicalId(), e.getMessage());
            pause(500);
            return;
        } finally {
            batchesInFlight.decrementAndGet();
            messagesInFlight.addAndGet(-batch.size());
        }
        delete(url, batch, failed);
    }

    /**
     * Reads {@code batchItemFailures} into {@code failed}; false when the response fails the whole
     * batch (unreadable, or an identifier that is empty or not a message of the batch).
     */
    private boolean reportedFailures(
            InvocationResult result, List<JsonNode> batch, Set<String> failed) {
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.path("MessageId").asText()));
        try {
            for (JsonNode f : Json.parse(result.payload()).path("batchItemFailures")) {
                String id = f.path("itemIdentifier").asText("");
                if (!ids.contains(id)) {
                    LOG.warn(
                            "event source mapping {}: batch item failure '{}' is not in the batch,"
                                    + " the whole batch failed",
                            mapping.logicalId(),
                            id);
                    return false;
                }
                failed.add(id);
            }
            return true;
        } catch (IOException e) {
            LOG.warn("event source mapping {}: unreadable batch response", mapping.logicalId());
            return false;
        }
    }

    private void delete(String url, List<JsonNode> messages, Set<String> keep) {
        ObjectNode delete = Json.object().put("QueueUrl", url);
        ArrayNode entries = delete.putArray("Entries");
        for (JsonNode m : messages) {
            if (!keep.contains(m.path("MessageId").asText())) {
                entries.addObject()
                        .put("Id", "m" + entries.size())
                        .put("ReceiptHandle", m.path("ReceiptHandle").asText());
            }
        }
        if (!entries.isEmpty()) {
            sqs.call("DeleteMessageBatch", delete);
        }
    }

    /**
     * The record as filters see it: a JSON body is matched as JSON (AWS "Filtering Amazon SQS").
     */
    private static JsonNode filterView(ObjectNode record) {
        String body = record.path("body").asText();
        JsonNode parsed;
        try {
            parsed = Json.parse(body);
        } catch (IllegalArgumentException e) {
            return record;
        }
        if (!parsed.isContainerNode()) {
            return record;
        }
        ObjectNode view = record.deepCopy();
        view.set("body", parsed);
        return view;
    }

    /** The {@code SQSEvent} record of a received message. */
    private ObjectNode record(JsonNode m) {
        ObjectNode r = Json.object();
        r.put("messageId", m.path("MessageId").asText());
        r.put("receiptHandle", m.path("ReceiptHandle").asText());
        r.put("body", m.path("Body").asText());
        r.set("attributes", m.path("Attributes").isObject() ? m.get("Attributes") : Json.object());
        r.set("messageAttributes", lowerMessageAttributes(m.path("MessageAttributes")));
        r.put("md5OfBody", m.path("MD5OfBody").asText());
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", mapping.eventSourceArn());
        r.put("awsRegion", region);
        return r;
    }

    /** SQSEvent spells message attribute fields in camel case (stringValue, dataType). */
    private static JsonNode lowerMessageAttributes(JsonNode attributes) {
        ObjectNode out = Json.object();
        attributes
                .properties()
                .forEach(
                        e -> {
                            ObjectNode a = out.putObject(e.getKey());
                            a.put("dataType", e.getValue().path("DataType").asText());
                            if (e.getValue().has("StringValue")) {
                                a.put("stringValue", e.getValue().get("StringValue").asText());
                            }
                            if (e.getValue().has("BinaryValue")) {
                                a.put("binaryValue", e.getValue().get("BinaryValue").asText());
                            }
                        });
        return out;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
