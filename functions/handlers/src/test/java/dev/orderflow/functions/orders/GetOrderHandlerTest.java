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

class GetOrderHandlerTest {

    private final Shop shop = new Shop();
    private final GetOrderHandler handler =
            new GetOrderHandler(shop.viewOrder(), new RecordingMetrics());

    private APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("r"));
    }

    @Test
    void get_showsTheOwnerTheirOrder() throws Exception {
        APIGatewayV2HTTPResponse response = get(SampleEvents.http("apigw-get-order.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.get("orderId").asText()).isEqualTo(Shop.STORED_ORDER.value());
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.at("/items/0/sku").asText()).isEqualTo("MUG-BLUE");
        assertThat(body.at("/address/city").asText()).isEqualTo("München");
        assertThat(body.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void get_showsTheOrdersHomeRegion_andNoneForAnOrderPlacedBeforeHomes() throws Exception {
        Shop homed = new Shop(java.util.Optional.of(Shop.ELSEWHERE));

        APIGatewayV2HTTPResponse response =
                new GetOrderHandler(homed.viewOrder(), new RecordingMetrics())
                        .handleRequest(
                                SampleEvents.http("apigw-get-order.json"), new TestContext("r"));

        assertThat(new ObjectMapper().readTree(response.getBody()).get("homeRegion").asText())
                .isEqualTo("us-east-1");
        assertThat(
                        new ObjectMapper()
                                .readTree(get(SampleEvents.http("apigw-get-order.json")).getBody())
                                .has("homeRegion"))
                .isFalse();
    }

    @Test
    void get_answersAnExpiredOrder_fromTheArchive_inItsCompactForm() throws Exception {
        shop.archiveOrder().archive(shop.orders.expire(Shop.STORED_ORDER));

        APIGatewayV2HTTPResponse response = get(SampleEvents.http("apigw-get-order.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.get("orderId").asText()).isEqualTo(Shop.STORED_ORDER.value());
        assertThat(body.get("archived").asBoolean()).isTrue();
        assertThat(body.has("address")).isFalse();
        assertThat(body.at("/timeline/0/status").asText()).isEqualTo("PENDING");
        assertThat(
                        get(SampleEvents.http("apigw-get-order-of-another-customer.json"))
                                .getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void get_answers404_forAnotherCustomer_withoutRevealingTheOrder() {
        APIGatewayV2HTTPResponse response =
                get(SampleEvents.http("apigw-get-order-of-another-customer.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("MUG-BLUE", "München", Shop.ALICE);
    }

    @Test
    void get_letsAnAdminSeeAnyOrder() {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-get-order-of-another-customer.json");
        var claims =
                new java.util.HashMap<>(
                        event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("cognito:groups", "[admins]");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

        assertThat(get(event).getStatusCode()).isEqualTo(200);
    }

    @Test
    void get_answers404_forSomethingThatIsNotAnOrderId() {
        APIGatewayV2HTTPEvent event = SampleEvents.http("apigw-get-order.json");
        event.setPathParameters(Map.of("id", "../../etc/passwd"));

        assertThat(get(event).getStatusCode()).isEqualTo(404);
    }
}
