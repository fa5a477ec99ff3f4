package dev.orderflow.functions.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cancelling through {@code POST /orders/{id}/cancel}, here and for an order homed elsewhere. */
class CancelOrderHandlerTest {

    private static APIGatewayV2HTTPResponse cancel(Shop shop) {
        return new CancelOrderHandler(shop.cancelOrder(), new RecordingMetrics())
                .handleRequest(
                        SampleEvents.http("apigw-post-order-cancel.json"), new TestContext("r"));
    }

    @Test
    void anOrderHomedHere_isCancelled() {
        Shop shop = new Shop(Optional.of(Shop.HERE));

        APIGatewayV2HTTPResponse response = cancel(shop);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(shop.orders.find(Shop.STORED_ORDER).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLING);
    }

    @Test
    void anOrderHomedInAnotherRegion_is409_namingItsHome_andNothingIsWritten() throws Exception {
        Shop shop = new Shop(Optional.of(Shop.ELSEWHERE));
        Order before = shop.orders.find(Shop.STORED_ORDER).orElseThrow();

        APIGatewayV2HTTPResponse response = cancel(shop);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.getBody());
        assertThat(problem.get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/homed-in-another-region");
        assertThat(problem.get("title").asText()).isEqualTo("Homed in another region");
        assertThat(problem.get("homeRegion").asText()).isEqualTo("us-east-1");
        assertThat(problem.get("detail").asText()).contains(Shop.STORED_ORDER.value(), "us-east-1");
        assertThat(shop.orders.find(Shop.STORED_ORDER)).contains(before);
        assertThat(shop.orders.trail(Shop.STORED_ORDER)).hasSize(1);
    }

    @Test
    void otherProblems_carryNoHomeRegion() throws Exception {
        Shop shop = new Shop();
        cancel(shop);

        APIGatewayV2HTTPResponse again =
                new CancelOrderHandler(shop.cancelOrder(), new RecordingMetrics())
                        .handleRequest(
                                SampleEvents.http("apigw-get-order-of-another-customer.json"),
                                new TestContext("r"));

        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(again.getBody()).has("homeRegion")).isFalse();
    }
}
