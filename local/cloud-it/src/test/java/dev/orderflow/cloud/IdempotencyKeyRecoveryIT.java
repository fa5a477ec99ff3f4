package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /orders} crashed after claiming its {@code Idempotency-Key} in the real idempotency
 * table and before storing the order: the client's retries with the same key and body, over HTTP,
 * create that order once and replay the answer; the same key with another body is refused.
 */
class IdempotencyKeyRecoveryIT extends SagaTestSupport {

    @Test
    void retriesAfterACrashBetweenClaimAndStore_createTheClaimedOrderOnce() throws Exception {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 10);
        String body = shop.orderBody(Map.of(stocked.sku(), 2));
        // A real claim of this body under another key gives the fingerprint the code computes.
        String firstKey = "first-" + UUID.randomUUID();
        String first = id(shop.place(alice, firstKey, body), 202);
        String subject = SagaFixture.json(me().body()).get("subject").asText();
        Map<String, AttributeValue> realClaim = claim(subject, firstKey);
        assertThat(realClaim.get("orderId").s()).isEqualTo(first);

        // The crashed request: its claim, written as the code writes it, and no order.
        String key = "crashed-" + UUID.randomUUID();
        String claimed = UUID.randomUUID().toString();
        shop.dynamo.putItem(
                p ->
                        p.tableName(shop.table("DataIdempotency"))
                                .item(
                                        Map.of(
                                                "id", SagaFixture.s("order#" + subject + "#" + key),
                                                "fingerprint", realClaim.get("fingerprint"),
                                                "orderId", SagaFixture.s(claimed),
                                                "expiresAt",
                                                        SagaFixture.n(
                                                                Instant.now().getEpochSecond()
                                                                        + 3600))));
        assertThat(shop.statusInTable(claimed)).isEmpty();

        List<HttpResponse<String>> retries = retryConcurrently(key, body, 6);
        HttpResponse<String> later = shop.place(alice, key, body);
        HttpResponse<String> otherBody =
                shop.place(alice, key, shop.orderBody(Map.of(stocked.sku(), 3)));

        for (HttpResponse<String> retry : retries) {
            assertThat(id(retry, 202)).isEqualTo(claimed);
        }
        assertThat(later.body()).isEqualTo(retries.get(0).body());
        assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(422);
        assertThat(otherBody.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(SagaFixture.json(otherBody.body()).get("type").asText())
                .endsWith("/idempotency-key-reused");
        assertThat(shop.awaitEnd(alice, claimed).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shop.awaitEnd(alice, first).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shop.sagasOf(Set.of(claimed))).hasSize(1);
        JsonNode mine =
                SagaFixture.json(shop.send(shop.at("/orders?limit=100").GET(), alice).body());
        assertThat(mine.get("items").findValuesAsText("orderId"))
                .containsExactlyInAnyOrder(first, claimed);
        assertThat(shop.stockOf(stocked.sku(), stocked.center())).containsExactly(6, 0);
    }

    private List<HttpResponse<String>> retryConcurrently(String key, String body, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sent.add(pool.submit(() -> shop.place(alice, key, body)));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> me() {
        return shop.send(shop.at("/me").GET(), alice);
    }

    private Map<String, AttributeValue> claim(String subject, String key) {
        Map<String, AttributeValue> item =
                shop.dynamo
                        .getItem(
                                g ->
                                        g.tableName(shop.table("DataIdempotency"))
                                                .consistentRead(true)
                                                .key(
                                                        Map.of(
                                                                "id",
                                                                SagaFixture.s(
                                                                        "order#" + subject + "#"
                                                                                + key))))
                        .item();
        assertThat(item).as("the claim of key " + key).containsKeys("fingerprint", "orderId");
        return item;
    }

    private static String id(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return SagaFixture.json(response.body()).get("orderId").asText();
    }
}
