package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Retention end to end on the local cloud: a shipped order's item carries its expiry (the stack's
 * default retention, 365 days after it shipped); once that time has passed, the DynamoDB engine's
 * TTL sweeper removes the item, the removal reaches the archiver through the orders stream (as a
 * service delete, through the mapping's filter), and the customer still reads the order, archived,
 * through the HTTP API.
 *
 * <p>A year cannot pass in a test, and the retention is whole days. So the test moves the expiry:
 * it rewrites the order item's {@code expiresAt} to a second in the past, which is exactly what the
 * item looks like to TTL a year later. Everything after that is the stack's own doing: the sweep
 * (every 5 s in the local engine), the stream record, the filter, the archiver, the API.
 */
class OrderRetentionIT extends SagaTestSupport {

    @Test
    void aShippedOrder_expiresIntoTheArchive_andStaysReadableByItsCustomer() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 5);
        String id = shop.placeOrder(alice, Map.of(stocked.sku(), 2));
        JsonNode shipped = shop.awaitEnd(alice, id);
        assertThat(shipped.get("status").asText()).as(shipped.toString()).isEqualTo("SHIPPED");

        Map<String, AttributeValue> item = orderItem(id);
        Instant finished = Instant.parse(shipped.get("updatedAt").asText());
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(finished.plus(Duration.ofDays(365)).getEpochSecond()));

        expireNow(id);

        JsonNode archived =
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> readable(id), body -> body != null && body.has("archived"));
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(archived.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(archived.has("address")).isFalse();
        assertThat(archived.has("paymentId")).isFalse();
        assertThat(archived.at("/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(archived.at("/shipments/0/centerId").asText()).isEqualTo(stocked.center());
        assertThat(statuses(archived.get("timeline")))
                .containsExactly("PENDING", "RESERVED", "PAID", "SHIPPING", "SHIPPED");
        assertThat(archived.at("/timeline/4/detail").asText()).contains("tracking");

        await().atMost(Duration.ofSeconds(30)).until(() -> collection(id).isEmpty());
        JsonNode listed =
                SagaFixture.json(shop.send(shop.at("/orders?limit=100").GET(), alice).body());
        assertThat(listed.get("items"))
                .anySatisfy(
                        o -> {
                            assertThat(o.get("orderId").asText()).isEqualTo(id);
                            assertThat(o.get("archived").asBoolean()).isTrue();
                        });
        String bob = shop.token("bob-" + shop.region);
        assertThat(shop.send(shop.at("/orders/" + id).GET(), bob).statusCode()).isEqualTo(404);
    }

    /** What a year later looks like to TTL: the expiry a second in the past. */
    private void expireNow(String id) {
        shop.dynamo.updateItem(
                u ->
                        u.tableName(shop.table("DataOrders"))
                                .key(key(id))
                                .updateExpression("SET expiresAt = :past")
                                .expressionAttributeValues(
                                        Map.of(
                                                ":past",
                                                AttributeValue.fromN(
                                                        Long.toString(
                                                                Instant.now().getEpochSecond()
                                                                        - 1)))));
    }

    /** The order as its customer reads it, or null while it is neither live nor archived. */
    private JsonNode readable(String id) {
        HttpResponse<String> read = shop.send(shop.at("/orders/" + id).GET(), alice);
        return read.statusCode() == 200 ? SagaFixture.json(read.body()) : null;
    }

    private Map<String, AttributeValue> orderItem(String id) {
        return shop.dynamo
                .getItem(
                        g ->
                                g.tableName(shop.table("DataOrders"))
                                        .consistentRead(true)
                                        .key(key(id)))
                .item();
    }

    private List<Map<String, AttributeValue>> collection(String id) {
        return shop.dynamo
                .query(
                        q ->
                                q.tableName(shop.table("DataOrders"))
                                        .consistentRead(true)
                                        .keyConditionExpression("pk = :pk")
                                        .expressionAttributeValues(
                                                Map.of(":pk", SagaFixture.s("ORDER#" + id))))
                .items();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", SagaFixture.s("ORDER#" + id), "sk", SagaFixture.s("ORDER"));
    }

    private static List<String> statuses(JsonNode timeline) {
        return StreamSupport.stream(timeline.spliterator(), false)
                .map(e -> e.get("status").asText())
                .toList();
    }
}
