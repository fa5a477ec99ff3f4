package dev.orderflow.functions.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListOrdersHandlerTest {

    private final Shop shop = new Shop();
    private final ListOrdersHandler handler =
            new ListOrdersHandler(shop.listOrders(), new RecordingMetrics());

    private JsonNode list(Map<String, String> query, int expectedStatus) throws Exception {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-get-orders.json");
        event.setQueryStringParameters(query);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("r"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(response.getBody());
    }

    @Test
    void get_listsTheCallersOrders_newestFirst_withAWorkingCursor() throws Exception {
        new PlaceOrderHandler(shop.placeOrder(), new RecordingMetrics())
                .handleRequest(SampleEvents.http("apigw-post-orders.json"), new TestContext("p"));

        JsonNode first = list(Map.of("limit", "1"), 200);
        assertThat(first.get("items")).hasSize(1);
        JsonNode second =
                list(Map.of("limit", "1", "cursor", first.get("nextCursor").asText()), 200);

        assertThat(second.at("/items/0/orderId").asText()).isEqualTo(Shop.STORED_ORDER.value());
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void get_showsEachOrdersHomeRegion_theOnePlacedHereHomedHere() throws Exception {
        new PlaceOrderHandler(shop.placeOrder(), new RecordingMetrics())
                .handleRequest(SampleEvents.http("apigw-post-orders.json"), new TestContext("p"));

        JsonNode page = list(Map.of(), 200);

        assertThat(page.at("/items/0/homeRegion").asText()).isEqualTo("eu-central-1");
        assertThat(page.at("/items/1/orderId").asText()).isEqualTo(Shop.STORED_ORDER.value());
        assertThat(page.at("/items/1").has("homeRegion")).isFalse();
    }

    @Test
    void get_filtersByStatus_andRejectsUnknownStates() throws Exception {
        assertThat(list(Map.of("status", "shipped"), 200).get("items")).isEmpty();
        assertThat(list(Map.of("status", "PENDING,SHIPPED"), 200).get("items")).hasSize(1);

        JsonNode problem = list(Map.of("status", "LOST"), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("status");
    }
}
