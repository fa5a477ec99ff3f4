package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS delivers at least once: the fulfillment request the saga sent, delivered again through the
 * real queue after its step closed, ships nothing twice. The worker's second SendTaskSuccess finds
 * the token closed, which it treats as already reported, and the message is acknowledged.
 */
class DuplicateFulfillmentIT extends SagaTestSupport {

    @Test
    void theSameFulfillmentMessageTwice_shipsTheOrderOnce_andIsAcknowledged() throws Exception {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 5);
        String id = shop.placeOrder(alice, Map.of(stocked.sku(), 2));
        JsonNode shipped = shop.awaitEnd(alice, id);
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        String execution = shop.executionOf(id);
        List<HistoryEvent> before = history(execution);
        String message = fulfillmentMessage(before);
        assertThat(message).contains(id).contains(stocked.center());

        try (SqsClient sqs = Clients.sqs(cloud.edgeEndpoint())) {
            String queue = shop.table("MessagingFulfillmentRequests");
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody(message));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> drained(sqs, queue));
            String deadLetters = shop.table("MessagingFulfillmentRequestsDlq");
            assertThat(
                            sqs.receiveMessage(
                                            r ->
                                                    r.queueUrl(deadLetters)
                                                            .maxNumberOfMessages(10)
                                                            .visibilityTimeout(0))
                                    .messages())
                    .extracting(Message::body)
                    .noneMatch(b -> b.contains(id));
        }

        List<HistoryEvent> after = history(execution);
        assertThat(after).hasSameSizeAs(before);
        assertThat(count(after, "TaskSucceeded", "sendMessage.waitForTaskToken")).isEqualTo(1);
        JsonNode order = shop.order(alice, id);
        assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(order.get("shipments")).hasSize(1);
        assertThat(order.get("timeline").findValuesAsText("status")).containsOnlyOnce("SHIPPED");
        assertThat(order.get("timeline")).isEqualTo(shipped.get("timeline"));
        assertThat(shop.stockOf(stocked.sku(), stocked.center())).containsExactly(3, 0);
    }

    private List<HistoryEvent> history(String execution) {
        return new ArrayList<>(
                shop
                        .sfn
                        .getExecutionHistoryPaginator(h -> h.executionArn(execution))
                        .events()
                        .stream()
                        .toList());
    }

    /** The message body the saga's RequestShipment task sent, token included, from its history. */
    private static String fulfillmentMessage(List<HistoryEvent> history) {
        List<String> sent =
                history.stream()
                        .filter(e -> e.taskScheduledEventDetails() != null)
                        .filter(
                                e ->
                                        e.taskScheduledEventDetails()
                                                .resource()
                                                .endsWith("sendMessage.waitForTaskToken"))
                        .map(e -> SagaFixture.json(e.taskScheduledEventDetails().parameters()))
                        .map(p -> p.get("MessageBody"))
                        .map(b -> b.isTextual() ? b.asText() : b.toString())
                        .toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("taskToken");
        return sent.get(0);
    }

    private static long count(List<HistoryEvent> history, String type, String resource) {
        return history.stream()
                .filter(e -> e.typeAsString().equals(type))
                .filter(
                        e ->
                                e.taskSucceededEventDetails() != null
                                        && e.taskSucceededEventDetails()
                                                .resource()
                                                .endsWith(resource))
                .count();
    }

    private static boolean drained(SqsClient sqs, String queue) {
        Map<QueueAttributeName, String> attributes =
                sqs.getQueueAttributes(
                                g ->
                                        g.queueUrl(queue)
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
        return "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0"
                        .equals(
                                attributes.get(
                                        QueueAttributeName
                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
