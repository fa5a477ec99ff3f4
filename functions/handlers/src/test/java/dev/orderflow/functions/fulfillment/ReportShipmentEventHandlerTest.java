package dev.orderflow.functions.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.shipping.TaskToken;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens.Received;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warehouse callback on each of its sample events, and the answers a warehouse relies on. */
class ReportShipmentEventHandlerTest {

    private static final String SHIPPED = "apigw-post-warehouse-shipment-event.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Shop shop = new Shop();
    private final RecordingTaskTokens tokens = new RecordingTaskTokens();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ReportShipmentEventHandler handler =
            new ReportShipmentEventHandler(shop.reportShipmentEvent(tokens), metrics);

    @BeforeEach
    void handedOverToMunich() {
        shop.awaited.await(Shop.STORED_ORDER, Shop.MUNICH, new TaskToken("t-muc"));
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("req"));
    }

    private static APIGatewayV2HTTPEvent withBody(String body) {
        APIGatewayV2HTTPEvent event = SampleEvents.http(SHIPPED);
        event.setBody(body);
        return event;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    @Test
    void shipped_completesTheWaitingStep_withTheWarehousesTrackingNumber() throws Exception {
        APIGatewayV2HTTPResponse response = send(SampleEvents.http(SHIPPED));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("type").asText()).isEqualTo("SHIPPED");
        assertThat(tokens.closing("t-muc").kind()).isEqualTo("success");
        assertThat(tokens.closing("t-muc").detail())
                .isEqualTo("FC-MUC|1Z999AA10123456784|" + Shop.NOW);
        assertThat(metrics.flushed("WarehouseReports")).isEqualTo(1);
    }

    @Test
    void aReport_onAnOrderHomedInAnotherRegion_is409_namingItsHome_andReachesNoStep()
            throws Exception {
        Shop foreign = new Shop(java.util.Optional.of(Shop.ELSEWHERE));
        foreign.awaited.await(Shop.STORED_ORDER, Shop.MUNICH, new TaskToken("t-foreign"));
        RecordingTaskTokens foreignTokens = new RecordingTaskTokens();

        APIGatewayV2HTTPResponse response =
                new ReportShipmentEventHandler(foreign.reportShipmentEvent(foreignTokens), metrics)
                        .handleRequest(SampleEvents.http(SHIPPED), new TestContext("req"));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(body(response).get("type").asText()).endsWith("/homed-in-another-region");
        assertThat(body(response).get("homeRegion").asText()).isEqualTo("us-east-1");
        assertThat(foreignTokens.received()).isEmpty();
    }

    @Test
    void aSecondReport_afterTheStepClosed_is409() throws Exception {
        send(SampleEvents.http(SHIPPED));

        APIGatewayV2HTTPResponse again = send(withBody("{\"type\":\"PICKING\"}"));

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(again).get("type").asText()).endsWith("/shipment-settled");
    }

    @Test
    void cannotPick_andPicking_becomeFailureAndHeartbeat() {
        assertThat(send(withBody("{\"type\":\"PICKING\"}")).getStatusCode()).isEqualTo(200);
        assertThat(
                        send(withBody("{\"type\":\"CANNOT_PICK\",\"reason\":\"shelf empty\"}"))
                                .getStatusCode())
                .isEqualTo(200);

        assertThat(tokens.received())
                .extracting(Received::kind)
                .containsExactly("heartbeat", "failure");
        assertThat(tokens.closing("t-muc").detail()).isEqualTo("Fulfillment.Rejected");
    }

    @Test
    void badBodies_are400_namingTheField() throws Exception {
        Map<String, String> fieldByBody =
                Map.of(
                        "{\"type\":\"LOST\"}", "type",
                        "{}", "type",
                        "null", "body",
                        "{\"type\":\"SHIPPED\"}", "trackingNumber",
                        "{\"type\":\"SHIPPED\",\"trackingNumber\":\"\"}", "trackingNumber",
                        "{\"type\":\"PICKING\",\"reason\":\"x\"}", "reason",
                        "{\"type\":\"CANNOT_PICK\",\"reason\":\"x\",\"extra\":1}", "extra",
                        "{\"type\":\"CANNOT_PICK\",\"reason\":7}", "reason",
                        "[1,2]", "body");
        for (Map.Entry<String, String> bad : fieldByBody.entrySet()) {
            APIGatewayV2HTTPResponse response = send(withBody(bad.getKey()));
            assertThat(response.getStatusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(body(response).at("/errors/0/field").asText())
                    .as(bad.getKey())
                    .isEqualTo(bad.getValue());
        }
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void unknownShipments_andIdsWeNeverIssued_are404() {
        assertThat(
                        send(SampleEvents.http(
                                        "apigw-post-warehouse-shipment-event-unknown-shipment.json"))
                                .getStatusCode())
                .isEqualTo(404);
        APIGatewayV2HTTPEvent odd = SampleEvents.http(SHIPPED);
        odd.setPathParameters(Map.of("orderId", "not-an-order", "centerId", "fc muc"));
        assertThat(send(odd).getStatusCode()).isEqualTo(404);
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void aCustomerToken_is403_andReachesNoStep() {
        assertThat(
                        send(SampleEvents.http(
                                        "apigw-post-warehouse-shipment-event-as-customer.json"))
                                .getStatusCode())
                .isEqualTo(403);
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void anUnreachableEngine_is503_soTheWarehouseRetries() {
        tokens.goDown();

        assertThat(send(SampleEvents.http(SHIPPED)).getStatusCode()).isEqualTo(503);
    }
}
