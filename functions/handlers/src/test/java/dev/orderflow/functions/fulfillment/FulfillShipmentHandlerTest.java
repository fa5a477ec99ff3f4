package dev.orderflow.functions.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import dev.orderflow.adapters.shipping.SimulatedWarehouse;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens.Received;
import dev.orderflow.functions.support.Payloads;
import dev.orderflow.functions.support.Payloads.Message;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FulfillShipmentHandlerTest {

    private final Shop shop = new Shop();
    private final RecordingTaskTokens tokens = new RecordingTaskTokens();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final FulfillShipmentHandler handler =
            new FulfillShipmentHandler(
                    shop.fulfillShipment(
                            new SimulatedWarehouse(Clock.fixed(Shop.NOW, ZoneOffset.UTC)), tokens),
                    metrics);

    private static String request(String center, String token) {
        return "{\"orderId\":\""
                + Shop.STORED_ORDER
                + "\",\"centerId\":\""
                + center
                + "\",\"items\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}],\"taskToken\":\""
                + token
                + "\"}";
    }

    private SQSBatchResponse handle(Message... messages) {
        return handler.handleRequest(Payloads.sqs(messages), new TestContext("req"));
    }

    private static java.util.List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void aBatch_withADuplicateAndAPoisonMessage_shipsOnce_andHandsOnlyThePoisonBack() {
        Message shipment = Message.of(request("FC-MUC", "t1"));
        Message duplicate = Message.of(request("FC-MUC", "t1"));
        Message poison = Message.of("{\"orderId\":\"" + Shop.STORED_ORDER + "\",\"centerId\":");

        SQSBatchResponse response = handle(shipment, duplicate, poison);

        assertThat(failed(response)).containsExactly(poison.id());
        assertThat(tokens.received())
                .extracting(Received::kind)
                .containsExactly("success", "success");
        assertThat(tokens.closing("t1").detail())
                .startsWith("FC-MUC|SIM")
                .endsWith(Shop.NOW.toString());
        assertThat(metrics.flushed("FulfillmentReported")).isEqualTo(1);
        assertThat(metrics.flushed("FulfillmentShipped")).isEqualTo(2);
        assertThat(metrics.flushed("PoisonMessages")).isEqualTo(1);
        assertThat(metrics.flushed("BatchItemFailures")).isEqualTo(1);
    }

    @Test
    void aMessageWithoutATaskToken_isPoison() {
        Message poison =
                Message.of(
                        "{\"orderId\":\""
                                + Shop.STORED_ORDER
                                + "\",\"centerId\":\"FC-MUC\",\"items\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}]}");

        assertThat(failed(handle(poison))).containsExactly(poison.id());
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void anOrderBeingCancelled_failsTheStepAsCancelled() {
        Order stored = shop.orders.find(Shop.STORED_ORDER).orElseThrow();
        shop.orders.update(stored.cancelRequested(Shop.NOW));

        assertThat(failed(handle(Message.of(request("FC-MUC", "t1"))))).isEmpty();
        assertThat(tokens.closing("t1").detail()).isEqualTo("Fulfillment.Cancelled");
        assertThat(metrics.flushed("FulfillmentCancelled")).isEqualTo(1);
    }

    @Test
    void aCenterThatCannotPick_failsTheStepAsRejected() {
        handle(Message.of(request("FC-MUC-NOSTOCK", "t1")));

        assertThat(tokens.closing("t1").kind()).isEqualTo("failure");
        assertThat(tokens.closing("t1").detail()).isEqualTo("Fulfillment.Rejected");
    }

    @Test
    void aSlowCenter_sendsHeartbeats_beforeTheSuccess() {
        handle(Message.of(request("FC-MUC-SLOW", "t1")));

        assertThat(tokens.received())
                .extracting(Received::kind)
                .containsExactly("heartbeat", "heartbeat", "success");
    }

    @Test
    void anOfflineCenter_reportsNothing_andTheMessageIsDone() {
        assertThat(failed(handle(Message.of(request("FC-MUC-OFFLINE", "t1"))))).isEmpty();
        assertThat(tokens.received()).isEmpty();
        assertThat(metrics.flushed("FulfillmentUnanswered")).isEqualTo(1);
    }

    @Test
    void anUnreachableEngine_handsTheMessageBackForARetry() {
        tokens.goDown();
        Message shipment = Message.of(request("FC-MUC", "t1"));

        assertThat(failed(handle(shipment))).containsExactly(shipment.id());
        assertThat(metrics.flushed("TransientFailures")).isEqualTo(1);
    }

    @Test
    void aShipmentTheWarehouseAccepts_reportsNothing_andKeepsTheTokenForItsCallback() {
        var accepting =
                new FulfillShipmentHandler(
                        shop.fulfillShipment(
                                (order, progress) ->
                                        new dev.orderflow.domain.shipping.PickOutcome.Accepted(),
                                tokens),
                        metrics);

        accepting.handleRequest(
                Payloads.sqs(Message.of(request("FC-MUC", "t1"))), new TestContext("req"));

        assertThat(tokens.received()).isEmpty();
        assertThat(shop.awaited.find(Shop.STORED_ORDER, Shop.MUNICH))
                .contains(new dev.orderflow.domain.shipping.TaskToken("t1"));
        assertThat(metrics.flushed("FulfillmentAccepted")).isEqualTo(1);
        assertThat(metrics.flushed("FulfillmentReported")).isEqualTo(0);
    }
}
