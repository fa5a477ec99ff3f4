package dev.orderflow.cloud.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.cloud.internal.aws.AwsCallException;
import dev.orderflow.cloud.internal.aws.AwsJsonClient;
import dev.orderflow.cloud.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues through ElasticMQ's SQS API: their depths, which queue is whose dead-letter queue, a peek
 * at a dead-letter queue's messages, and the console's one write, moving one dead-letter message
 * back to its source queue.
 *
 * <p>SQS has no peek: the console receives with a visibility timeout of 0, as the AWS console's
 * "poll for messages" does, so each look adds one to the messages' receive counts. Only dead-letter
 * queues are peeked: on a queue with a redrive policy those receives would push messages towards
 * its dead-letter queue.
 */
final class QueuesView {

    private static final int REDRIVE_ROUNDS = 10;

    private final AwsJsonClient sqs;

    QueuesView(AwsJsonClient sqs) {
        this.sqs = sqs;
    }

    /** A queue and its attributes, as listed. */
    private record Queue(String name, String url, JsonNode attributes) {
        String arn() {
            return attributes.path("QueueArn").asText();
        }

        JsonNode redrivePolicy() {
            String policy = attributes.path("RedrivePolicy").asText("");
            return policy.isEmpty() ? null : Json.parse(policy);
        }
    }

    /** {@code GET /_console/api/queues}. */
    ObjectNode list() {
        List<Queue> queues = queues();
        Map<String, String> names = new LinkedHashMap<>();
        queues.forEach(q -> names.put(q.arn(), q.name()));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("queues");
        for (Queue queue : queues) {
            JsonNode a = queue.attributes();
            ObjectNode q = list.addObject().put("name", queue.name()).put("url", queue.url());
            q.put("arn", queue.arn());
            q.put("visible", a.path("ApproximateNumberOfMessages").asLong());
            q.put("inFlight", a.path("ApproximateNumberOfMessagesNotVisible").asLong());
            q.put("delayed", a.path("ApproximateNumberOfMessagesDelayed").asLong());
            JsonNode policy = queue.redrivePolicy();
            if (policy != null) {
                String target = policy.path("deadLetterTargetArn").asText();
                q.put("deadLetterQueue", names.getOrDefault(target, target));
                q.put("maxReceiveCount", policy.path("maxReceiveCount").asInt());
            }
            ArrayNode sources = q.putArray("sourceQueues");
            sources(queue, queues).forEach(s -> sources.add(s.name()));
        }
        return out;
    }

    /** {@code GET /_console/api/queues/{name}/messages}: up to 10 messages of a DLQ. */
    ObjectNode peek(String name) {
        Queue dlq = deadLetterQueue(name);
        JsonNode received = receive(dlq.url(), 0);
        ObjectNode out = Json.object().put("queue", name);
        ArrayNode messages = out.putArray("messages");
        for (JsonNode m : received.path("Messages")) {
            ObjectNode message = messages.addObject();
            message.put("messageId", m.path("MessageId").asText());
            message.put("body", m.path("Body").asText());
            JsonNode a = m.path("Attributes");
            message.put("receiveCount", a.path("ApproximateReceiveCount").asInt());
            message.put("sentTimestamp", a.path("SentTimestamp").asLong());
            message.set("messageAttributes", m.path("MessageAttributes"));
        }
        return out;
    }

    /**
     * {@code POST /_console/api/queues/{name}/redrive} with {@code {"messageId"}}: sends the
     * message's body and attributes to the DLQ's source queue, then deletes it from the DLQ.
     */
    ObjectNode redrive(String name, JsonNode body) {
        String messageId = body.path("messageId").asText("");
        if (messageId.isBlank()) {
            throw ConsoleProblem.badRequest("the body names the message: {\"messageId\": \"...\"}");
        }
        List<Queue> queues = queues();
        Queue dlq = deadLetterQueue(name);
        List<Queue> sources = sources(dlq, queues);
        Queue source = sources.get(0);
        if (sources.size() > 1) {
            String wanted = body.path("source").asText("");
            source =
                    sources.stream()
                            .filter(s -> s.name().equals(wanted))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            ConsoleProblem.badRequest(
                                                    name
                                                            + " is the dead-letter queue of several"
                                                            + " queues: name one as \"source\""));
        }
        List<String> putBack = new ArrayList<>();
        try {
            for (int round = 0; round < REDRIVE_ROUNDS; round++) {
                JsonNode batch = receive(dlq.url(), 30).path("Messages");
                if (batch.isEmpty()) {
                    break;
                }
                for (JsonNode m : batch) {
                    if (m.path("MessageId").asText().equals(messageId)) {
                        String newId = send(source, m);
                        sqs.call(
                                "DeleteMessage",
                                Json.object()
                                        .put("QueueUrl", dlq.url())
                                        .put("ReceiptHandle", m.path("ReceiptHandle").asText()));
                        return Json.object()
                                .put("messageId", messageId)
                                .put("from", name)
                                .put("to", source.name())
                                .put("newMessageId", newId);
                    }
                    putBack.add(m.path("ReceiptHandle").asText());
                }
            }
        } finally {
            for (String handle : putBack) {
                sqs.call(
                        "ChangeMessageVisibility",
                        Json.object()
                                .put("QueueUrl", dlq.url())
                                .put("ReceiptHandle", handle)
                                .put("VisibilityTimeout", 0));
            }
        }
        throw ConsoleProblem.notFound("no message " + messageId + " in " + name);
    }

    private String send(Queue source, JsonNode message) {
        ObjectNode request =
                Json.object()
                        .put("QueueUrl", source.url())
                        .put("MessageBody", message.path("Body").asText());
        if (message.path("MessageAttributes").isObject()
                && !message.path("MessageAttributes").isEmpty()) {
            request.set("MessageAttributes", message.path("MessageAttributes"));
        }
        if (source.name().endsWith(".fifo")) {
            request.put(
                    "MessageGroupId",
                    message.path("Attributes").path("MessageGroupId").asText("redrive"));
            request.put("MessageDeduplicationId", message.path("MessageId").asText());
        }
        return sqs.call("SendMessage", request).path("MessageId").asText();
    }

    private JsonNode receive(String url, int visibilitySeconds) {
        ObjectNode request =
                Json.object()
                        .put("QueueUrl", url)
                        .put("MaxNumberOfMessages", 10)
                        .put("VisibilityTimeout", visibilitySeconds)
                        .put("WaitTimeSeconds", 0);
        request.putArray("AttributeNames").add("All");
        request.putArray("MessageSystemAttributeNames").add("All");
        request.putArray("MessageAttributeNames").add("All");
        return sqs.call("ReceiveMessage", request);
    }

    /** The named queue, which must be another queue's dead-letter queue. */
    private Queue deadLetterQueue(String name) {
        List<Queue> queues = queues();
        Queue queue =
                queues.stream()
                        .filter(q -> q.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> ConsoleProblem.notFound("no queue " + name));
        if (sources(queue, queues).isEmpty()) {
            throw new ConsoleProblem(
                    409,
                    "not-a-dead-letter-queue",
                    name
                            + " is no queue's dead-letter queue: the console reads and redrives"
                            + " only dead-letter queues (a receive would count against the"
                            + " messages of a working queue)");
        }
        return queue;
    }

    private static List<Queue> sources(Queue dlq, List<Queue> queues) {
        List<Queue> sources = new ArrayList<>();
        for (Queue q : queues) {
            JsonNode policy = q.redrivePolicy();
            if (policy != null && policy.path("deadLetterTargetArn").asText().equals(dlq.arn())) {
                sources.add(q);
            }
        }
        return sources;
    }

    private List<Queue> queues() {
        List<Queue> queues = new ArrayList<>();
        for (JsonNode url : sqs.call("ListQueues", Json.object()).path("QueueUrls")) {
            ObjectNode request = Json.object().put("QueueUrl", url.asText());
            request.putArray("AttributeNames").add("All");
            JsonNode attributes;
            try {
                attributes = sqs.call("GetQueueAttributes", request).path("Attributes");
            } catch (AwsCallException e) {
                continue; // deleted between the list and this call
            }
            String name = url.asText().substring(url.asText().lastIndexOf('/') + 1);
            queues.add(new Queue(name, url.asText(), attributes));
        }
        queues.sort(java.util.Comparator.comparing(Queue::name));
        return queues;
    }
}
