package dev.orderflow.functions.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceOrderHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Shop shop = new Shop();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final PlaceOrderHandler handler = new PlaceOrderHandler(shop.placeOrder(), metrics);

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("r"));
    }

    private static APIGatewayV2HTTPEvent withBody(String body) {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-post-orders.json");
        event.setBody(body);
        return event;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    @Test
    void post_accepts202WithLocation_andStoresAPendingOrderForTheCaller() throws Exception {
        APIGatewayV2HTTPResponse response = post(SampleEvents.http("apigw-post-orders.json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode body = body(response);
        String id = body.get("orderId").asText();
        assertThat(response.getHeaders()).containsEntry("Location", "/orders/" + id);
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.at("/total/amount").asText()).isEqualTo("33.99");
        var stored = shop.orders.find(new OrderId(id)).orElseThrow();
        assertThat(stored.customerId()).isEqualTo(Shop.ALICE);
        assertThat(stored.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(metrics.flushed("OrdersPlaced")).isEqualTo(1.0);
    }

    @Test
    void post_replaysTheSameResponse_forTheSameKeyAndBody() throws Exception {
        APIGatewayV2HTTPResponse first = post(SampleEvents.http("apigw-post-orders.json"));
        APIGatewayV2HTTPResponse second = post(SampleEvents.http("apigw-post-orders.json"));

        assertThat(second.getStatusCode()).isEqualTo(202);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(shop.orders.size()).isEqualTo(2); // the one stored by the fixture, and this one
        assertThat(metrics.flushed("OrdersPlaced")).isEqualTo(1.0);
    }

    @Test
    void post_answers422_forTheSameKeyWithADifferentBody() throws Exception {
        post(SampleEvents.http("apigw-post-orders.json"));
        APIGatewayV2HTTPEvent changed = SampleEvents.http("apigw-post-orders.json");
        String original = changed.getBody();
        changed.setBody(original.replace("\"quantity\": 2", "\"quantity\": 3"));
        assertThat(changed.getBody()).isNotEqualTo(original);

        APIGatewayV2HTTPResponse response = post(changed);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(body(response).get("type").asText()).endsWith("/idempotency-key-reused");
    }

    @Test
    void post_answers400NamingEveryBadItem() throws Exception {
        APIGatewayV2HTTPResponse response =
                post(SampleEvents.http("apigw-post-orders-invalid-items.json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        List<String> fields = body(response).findValuesAsText("field");
        assertThat(fields).containsExactly("items[0].quantity", "items[1].sku");
    }

    @Test
    void post_answers400_whenTheIdempotencyKeyIsMissing() throws Exception {
        APIGatewayV2HTTPResponse response =
                post(SampleEvents.http("apigw-post-orders-missing-idempotency-key.json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void post_answers400NamingTheField_forMalformedBodies() throws Exception {
        record Case(String body, String field) {}
        for (Case c :
                List.of(
                        new Case("{not json", "body"),
                        new Case("", "body"),
                        new Case("[1,2]", "body"),
                        new Case("null", "body"),
                        new Case(" null ", "body"),
                        new Case(
                                "{\"items\":[{\"sku\":\"MUG-BLUE\",\"quantity\":\"two\"}],\"address\":{}}",
                                "items[0].quantity"),
                        new Case("{\"items\":[],\"address\":{},\"coupon\":\"FREE\"}", "coupon"),
                        new Case("{\"items\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}]}", "address"),
                        new Case(
                                "{\"items\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}],\"address\":{\"country\":\"DE\"}}",
                                "address.region"),
                        new Case(
                                "{\"items\":[{\"sku\":\"NOPE\",\"quantity\":1}],\"address\":{\"country\":\"DE\",\"region\":\"BY\",\"city\":\"M\",\"postalCode\":\"1\",\"street\":\"S\"}}",
                                "items[0].sku"),
                        new Case("{\"items\":\"" + "x".repeat(17_000) + "\"}", "body"))) {
            APIGatewayV2HTTPResponse response = post(withBody(c.body()));
            assertThat(response.getStatusCode()).as(c.body()).isEqualTo(400);
            assertThat(body(response).at("/errors/0/field").asText())
                    .as(c.body())
                    .isEqualTo(c.field());
        }
        assertThat(shop.orders.size()).isEqualTo(1);
    }

    @Test
    void post_acceptsBase64Bodies_asApiGatewaySendsThem() throws Exception {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-post-orders.json");
        event.setBody(
                Base64.getEncoder()
                        .encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(post(event).getStatusCode()).isEqualTo(202);
    }

    @Test
    void post_answers401_withoutAVerifiedToken() {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-post-orders.json");
        event.getRequestContext().setAuthorizer(null);
        event.setHeaders(new HashMap<>(event.getHeaders()));

        assertThat(post(event).getStatusCode()).isEqualTo(401);
    }
}
