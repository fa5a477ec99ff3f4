package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The order saga end to end on the local cloud: orders placed through the gateway, started by the
 * orders stream, run by the Step Functions engine through the real step functions, shipped by the
 * simulated fulfillment centers over SQS task tokens, and notified. One test per path.
 */
class OrderSagaIT extends SagaTestSupport {

    private static List<String> timeline(JsonNode order) {
        return StreamSupport.stream(order.get("timeline").spliterator(), false)
                .map(e -> e.get("status").asText())
                .toList();
    }

    @Test
    void happyPath_singleCenter_ships_withTimelinePaymentAndTracking() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 5);
        String sku = stocked.sku();
        String center = stocked.center();

        String id = shop.placeOrder(alice, Map.of(sku, 2));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).as(order.toString()).isEqualTo("SHIPPED");
        assertThat(order.get("paymentId").asText()).isNotBlank();
        assertThat(order.at("/shipments/0/centerId").asText()).isEqualTo(center);
        assertThat(timeline(order))
                .containsExactly("PENDING", "RESERVED", "PAID", "SHIPPING", "SHIPPED");
        assertThat(order.at("/timeline/4/detail").asText()).contains(center + " tracking ");
        assertThat(shop.stockOf(sku, center)).containsExactly(3, 0);
    }

    @Test
    void splitShipment_acrossTwoCenters_nearestFirst() {
        String sku = shop.product(APPROVED);
        String near = shop.center("", 10, 3600);
        String far = shop.center("-SLOW", 500, 3600);
        shop.stock(sku, near, 2);
        shop.stock(sku, far, 3); // neither center can fill 4 alone

        String id = shop.placeOrder(alice, Map.of(sku, 4));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).as(order.toString()).isEqualTo("SHIPPED");
        assertThat(order.get("shipments")).hasSize(2);
        assertThat(order.at("/shipments/0/centerId").asText()).isEqualTo(near);
        assertThat(order.at("/shipments/0/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(order.at("/shipments/1/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(shop.stockOf(sku, near)).containsExactly(0, 0);
        assertThat(shop.stockOf(sku, far)).containsExactly(1, 0);
    }

    @Test
    void outOfStock_rejectsTheOrder_withTheReason_andMovesNoStock() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 1);
        String sku = stocked.sku();
        String center = stocked.center();

        String id = shop.placeOrder(alice, Map.of(sku, 3));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText()).contains(sku);
        assertThat(order.has("paymentId")).isFalse();
        assertThat(shop.stockOf(sku, center)).containsExactly(1, 0);
        assertThat(shop.history(id))
                .as("nothing reserved, nothing paid: closed without a refund or a release")
                .contains("PassStateEntered ReservationDeclined", "TaskStateEntered CloseOrder")
                .doesNotContain("TaskStateEntered RefundPayment", "TaskStateEntered ReleaseStock");
    }

    @Test
    void declinedPayment_rejects_andReleasesTheReservedStock() {
        SagaFixture.Stocked stocked = shop.stocked(1001, "", 3600, 5); // ..01: declined
        String sku = stocked.sku();
        String center = stocked.center();

        String id = shop.placeOrder(alice, Map.of(sku, 1));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText()).startsWith("payment declined");
        assertThat(timeline(order)).containsExactly("PENDING", "RESERVED", "REJECTED");
        assertThat(shop.stockOf(sku, center)).containsExactly(5, 0);
    }

    @Test
    void paymentTimeout_isRetriedWithBackoff_andTheOrderShips() {
        SagaFixture.Stocked stocked = shop.stocked(1002, "", 3600, 5); // ..02: one timeout
        String sku = stocked.sku();

        String id = shop.placeOrder(alice, Map.of(sku, 1));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shop.history(id))
                .filteredOn(e -> e.startsWith("TaskFailed"))
                .singleElement()
                .asString()
                .contains("dev.orderflow.domain.payment.PaymentUnavailable");
        assertThat(shop.history(id))
                .filteredOn(e -> e.equals("TaskStateEntered TakePayment"))
                .hasSize(1);
    }

    @Test
    void paymentProviderDown_afterEveryRetry_rejects_andReleases() {
        SagaFixture.Stocked stocked = shop.stocked(1004, "", 3600, 5); // ..04: always times out
        String sku = stocked.sku();
        String center = stocked.center();

        String id = shop.placeOrder(alice, Map.of(sku, 1));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText())
                .startsWith("the payment provider did not answer, even after retries");
        assertThat(shop.stockOf(sku, center)).containsExactly(5, 0);
    }

    @Test
    void fulfillmentTimeout_compensates_refundsAndReleases() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "-OFFLINE", 2, 5); // silent; 2 s level
        String sku = stocked.sku();
        String center = stocked.center();

        String id = shop.placeOrder(alice, Map.of(sku, 2));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText()).contains("fulfillment center");
        assertThat(timeline(order))
                .containsExactly("PENDING", "RESERVED", "PAID", "SHIPPING", "REJECTED");
        assertThat(shop.stockOf(sku, center)).containsExactly(5, 0);
        assertThat(shop.history(id))
                .anyMatch(e -> e.contains("\"refunded\":true"))
                .anyMatch(e -> e.contains("\"released\":true"));
    }

    @Test
    void centerCannotPick_compensates() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "-NOSTOCK", 3600, 5);
        String sku = stocked.sku();
        String center = stocked.center();

        String id = shop.placeOrder(alice, Map.of(sku, 1));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("reason").asText())
                .startsWith("a fulfillment center could not fill its shipment");
        assertThat(shop.stockOf(sku, center)).containsExactly(5, 0);
    }

    @Test
    void cancelBeforeShipment_compensates_andEndsCancelled_idempotently() {
        SagaFixture.Stocked stocked =
                shop.stocked(APPROVED, "-OFFLINE", 40, 5); // 10 s heartbeat: time to cancel
        String sku = stocked.sku();
        String center = stocked.center();
        String id = shop.placeOrder(alice, Map.of(sku, 2));
        shop.awaitStatus(alice, id, Set.of("SHIPPING"));

        HttpResponse<String> cancelled = shop.cancel(alice, id);
        HttpResponse<String> again = shop.cancel(alice, id);
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        assertThat(SagaFixture.json(cancelled.body()).get("status").asText())
                .isEqualTo("CANCELLING");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo("cancelled by the customer");
        assertThat(shop.stockOf(sku, center)).containsExactly(5, 0);
        assertThat(shop.history(id)).anyMatch(e -> e.contains("\"refunded\":true"));
    }

    @Test
    void cancelAfterShipment_isRefusedWith409() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 5);
        String sku = stocked.sku();
        String id = shop.placeOrder(alice, Map.of(sku, 1));
        assertThat(shop.awaitEnd(alice, id).get("status").asText()).isEqualTo("SHIPPED");

        HttpResponse<String> refused = shop.cancel(alice, id);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("content-type"))
                .contains("application/problem+json");
        assertThat(SagaFixture.json(refused.body()).get("detail").asText()).contains("SHIPPED");
    }

    @Test
    void anotherCustomer_canNeitherSeeNorCancelTheOrder() {
        SagaFixture.Stocked stocked = shop.stocked(APPROVED, "", 3600, 5);
        String sku = stocked.sku();
        String id = shop.placeOrder(alice, Map.of(sku, 1));
        String mallory = shop.token("mallory-" + shop.region);

        HttpResponse<String> read = shop.send(shop.at("/orders/" + id).GET(), mallory);
        HttpResponse<String> cancel = shop.cancel(mallory, id);

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain(sku);
        assertThat(shop.awaitEnd(alice, id).get("status").asText()).isEqualTo("SHIPPED");
    }
}
