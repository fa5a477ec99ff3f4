package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What must hold when things go wrong around the saga: a crash between storing an order and
 * starting its workflow, duplicate deliveries to the consumers, and a sale's last units raced by
 * 200 orders.
 */
class SagaReliabilityIT extends SagaTestSupport {

    @Test
    void anOrderStoredByAProcessThatDiedBeforeStartingAnything_isFulfilledAnyway() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 5);
        String sku = stocked.sku();
        String id = UUID.randomUUID().toString();
        // The local issuer's subject, as Cognito's: a UUID per user name.
        String customer =
                UUID.nameUUIDFromBytes(
                                ("alice-" + shop.region)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString();

        // Exactly the item the API's handler writes, and nothing else: the process "crashed"
        // right after the write, before answering or starting any workflow.
        shop.dynamo.putItem(
                p -> p.tableName(shop.table("DataOrders")).item(pendingOrder(id, customer, sku)));

        assertThat(shop.awaitEnd(alice, id).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shop.sagasOf(Set.of(id))).hasSize(1);
    }

    @Test
    void aDuplicateOutboxDelivery_whileTheSagaRuns_startsNoSecondWorkflow() throws Exception {
        // A silent center with a 40 s level (10 s heartbeat): the saga waits in RequestShipment.
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "-OFFLINE", 40, 5);
        String id = shop.placeOrder(alice, Map.of(stocked.sku(), 2));
        shop.awaitStatus(alice, id, Set.of("SHIPPING"));
        String running = shop.executionOf(id);
        String record =
                Files.readString(SharedCloud.REPO.resolve("events/ddb-stream-order-inserted.json"))
                        .replace("5b0e6f8a-3c1d-4e2f-9a7b-1c2d3e4f5a6b", id);

        try (LambdaClient lambda = Clients.lambda(cloud.edgeEndpoint())) {
            for (int delivery = 0; delivery < 2; delivery++) {
                assertThat(status(running)).as("before delivery %d", delivery).isEqualTo("RUNNING");
                var response =
                        lambda.invoke(
                                i ->
                                        i.functionName(shop.table("StartFulfillmentFunction"))
                                                .payload(SdkBytes.fromUtf8String(record)));
                assertThat(response.functionError()).isNull();
                JsonNode answer = SagaFixture.json(response.payload().asUtf8String());
                assertThat(answer.path("batchItemFailures").isArray())
                        .as(answer.toString())
                        .isTrue();
                assertThat(answer.path("batchItemFailures")).as(answer.toString()).isEmpty();
            }
        }

        assertThat(status(running)).isEqualTo("RUNNING");
        assertThat(shop.sagasOf(Set.of(id)))
                .extracting(e -> e.executionArn())
                .containsExactly(running);
        JsonNode ended = shop.awaitEnd(alice, id);
        assertThat(ended.get("status").asText()).isEqualTo("REJECTED");
        assertThat(ended.get("reason").asText()).contains("fulfillment center");
        assertThat(shop.stockOf(stocked.sku(), stocked.center())).containsExactly(5, 0);
        assertThat(shop.sagasOf(Set.of(id))).hasSize(1);
    }

    private String status(String executionArn) {
        return shop.sfn.describeExecution(d -> d.executionArn(executionArn)).statusAsString();
    }

    @Test
    void aDuplicateNotificationDelivery_notifiesOnce() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 5);
        String id = shop.placeOrder(alice, Map.of(stocked.sku(), 1));
        shop.awaitEnd(alice, id);
        FakeMailServer mail = SharedCloud.mail();
        // The notification's own idempotency key, which the notifier passes to the mail API.
        String key = id + "#SHIPPED";
        await().atMost(Duration.ofSeconds(60)).until(() -> !mail.requestsWithKey(key).isEmpty());

        try (SqsClient sqs = Clients.sqs(cloud.edgeEndpoint())) {
            String queue = shop.table("MessagingNotifications");
            sqs.sendMessage(
                    m ->
                            m.queueUrl(queue)
                                    .messageBody(
                                            "{\"orderId\":\""
                                                    + id
                                                    + "\",\"customerId\":\"alice-"
                                                    + shop.region
                                                    + "\",\"status\":\"SHIPPED\",\"reason\":\"\"}"));
            // Consumed (and so handled) once the queue holds nothing, visible or in flight.
            await().atMost(Duration.ofSeconds(60)).until(() -> CloudSteps.inQueue(sqs, queue) == 0);
        }

        assertThat(mail.requestsWithKey(key)).hasSize(1);
        assertThat(mail.requestsWithKey(key).get(0).body())
                .contains("\"orderId\":\"" + id + "\"")
                .contains("\"template\":\"order-shipped\"");
    }

    @Test
    void lastFiftyUnits_200ConcurrentOrders_exactlyFiftyShip_noneOversold() throws Exception {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 50);
        String sku = stocked.sku();
        String center = stocked.center();
        String body = shop.orderBody(Map.of(sku, 1));
        List<String> ids = shop.placeAll(200, 16, body, i -> "buyer-" + i + "-" + shop.region);
        Map<String, String> ended = shop.awaitAllEnded(ids, Duration.ofMinutes(4));

        assertThat(SagaFixture.countByStatus(ended))
                .containsExactlyInAnyOrderEntriesOf(Map.of("SHIPPED", 50L, "REJECTED", 150L));
        assertThat(shop.stockOf(sku, center)).containsExactly(0, 0);
    }

    private Map<String, AttributeValue> pendingOrder(String id, String customer, String sku) {
        String now = Instant.now().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", SagaFixture.s("ORDER#" + id));
        item.put("sk", SagaFixture.s("ORDER"));
        item.put("orderId", SagaFixture.s(id));
        item.put("customerId", SagaFixture.s(customer));
        item.put("status", SagaFixture.s("PENDING"));
        item.put(
                "lines",
                AttributeValue.fromL(
                        List.of(
                                AttributeValue.fromM(
                                        Map.of(
                                                "sku",
                                                SagaFixture.s(sku),
                                                "quantity",
                                                SagaFixture.n(1))))));
        item.put(
                "address",
                AttributeValue.fromM(
                        Map.of(
                                "country", SagaFixture.s("DE"),
                                "region", SagaFixture.s(shop.region),
                                "city", SagaFixture.s("Testhausen"),
                                "postalCode", SagaFixture.s("12345"),
                                "street", SagaFixture.s("Teststr. 1"))));
        item.put("totalMinor", SagaFixture.n(1000));
        item.put("currency", SagaFixture.s("EUR"));
        item.put("reason", SagaFixture.s(""));
        item.put("version", SagaFixture.n(1));
        item.put("createdAt", SagaFixture.s(now));
        item.put("updatedAt", SagaFixture.s(now));
        item.put("gsi1pk", SagaFixture.s("CUSTOMER#" + customer));
        item.put("gsi1sk", SagaFixture.s(now + "#" + id));
        item.put("gsi2pk", SagaFixture.s("STATUS#PENDING#0"));
        item.put("gsi2sk", SagaFixture.s(now + "#" + id));
        return item;
    }
}
