package dev.orderflow.functions.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.testfixtures.InMemoryPayments;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.SampleEvents;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The saga's step functions, fed the sample payloads in {@code events/sfn-*.json} (exactly what the
 * state machine sends) on the in-memory shop: forward to SHIPPED, and back to REJECTED.
 */
class SagaStepHandlersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Shop shop = new Shop();
    private final RecordingMetrics metrics = new RecordingMetrics();

    private static JsonNode run(RequestStreamHandler handler, String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                out,
                new TestContext("saga-step"));
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode runEvent(RequestStreamHandler handler, String event)
            throws IOException {
        return run(handler, Files.readString(SampleEvents.FOLDER.resolve(event)));
    }

    private OrderStatus status() {
        return shop.orders.find(Shop.STORED_ORDER).orElseThrow().status();
    }

    @Test
    void forward_sampleEvents_walkTheStoredOrderToShipped() throws IOException {
        JsonNode reserved =
                runEvent(
                        new ReserveStockHandler(shop.reserveStep(), metrics),
                        "sfn-reserve-stock.json");
        JsonNode paid =
                runEvent(
                        new TakePaymentHandler(shop.paymentStep(), metrics),
                        "sfn-take-payment.json");
        JsonNode handedOver =
                runEvent(
                        new HandOverShipmentsHandler(shop.shippingSteps(), metrics),
                        "sfn-hand-over-shipments.json");
        JsonNode shipped =
                runEvent(
                        new ConfirmShippedHandler(shop.shippingSteps(), metrics),
                        "sfn-confirm-shipped.json");

        assertThat(reserved.toString()).isEqualTo("{\"verdict\":\"PROCEED\",\"reason\":\"\"}");
        assertThat(paid.get("verdict").asText()).isEqualTo("PROCEED");
        assertThat(handedOver.at("/shipments/0/centerId").asText()).isEqualTo("FC-MUC");
        assertThat(handedOver.at("/shipments/0/items/0/sku").asText()).isEqualTo("MUG-BLUE");
        // The default level (48 h) and heartbeat (1 h), each plus 15 minutes in the queue.
        assertThat(handedOver.at("/shipments/0/timeoutSeconds").asLong()).isEqualTo(173700);
        assertThat(handedOver.at("/shipments/0/heartbeatSeconds").asLong()).isEqualTo(4500);
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.get("customerId").asText()).isEqualTo(Shop.ALICE);
        assertThat(status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shop.orders.trail(Shop.STORED_ORDER).get(4).detail())
                .isEqualTo("FC-MUC tracking TRK-FC-MUC-7F3A2B");
        assertThat(metrics.flushed("OrdersShipped")).isEqualTo(1);
    }

    @Test
    void compensation_sampleEvents_refundReleaseAndRejectWithAReadableReason() throws IOException {
        runEvent(new ReserveStockHandler(shop.reserveStep(), metrics), "sfn-reserve-stock.json");
        runEvent(new TakePaymentHandler(shop.paymentStep(), metrics), "sfn-take-payment.json");

        JsonNode refund =
                runEvent(
                        new RefundPaymentHandler(shop.compensation(), metrics),
                        "sfn-refund-payment.json");
        JsonNode release =
                runEvent(
                        new ReleaseStockHandler(shop.compensation(), metrics),
                        "sfn-release-stock.json");
        JsonNode closed =
                runEvent(
                        new CloseOrderHandler(shop.compensation(), metrics),
                        "sfn-close-order.json");

        assertThat(refund.get("refunded").asBoolean()).isTrue();
        assertThat(refund.get("paymentId").asText())
                .isEqualTo(InMemoryPayments.paymentId(Shop.STORED_ORDER));
        assertThat(shop.payments.wasRefunded(refund.get("paymentId").asText())).isTrue();
        assertThat(release.get("released").asBoolean()).isTrue();
        assertThat(shop.stock.available(Shop.MUNICH, "MUG-BLUE")).isEqualTo(10);
        assertThat(closed.get("status").asText()).isEqualTo("REJECTED");
        assertThat(closed.get("reason").asText())
                .isEqualTo(
                        "a fulfillment center stopped reporting progress (The task did not send a"
                                + " heartbeat in time.)");
        assertThat(metrics.flushed("OrdersRejected")).isEqualTo(1);
    }

    @Test
    void aDeclinedCharge_isAVerdict_andCounted() throws IOException {
        shop.payments.declining();
        runEvent(new ReserveStockHandler(shop.reserveStep(), metrics), "sfn-reserve-stock.json");

        JsonNode declined =
                runEvent(
                        new TakePaymentHandler(shop.paymentStep(), metrics),
                        "sfn-take-payment.json");

        assertThat(declined.get("verdict").asText()).isEqualTo("REJECT");
        assertThat(declined.get("reason").asText()).isEqualTo("payment declined: card declined");
        assertThat(metrics.flushed("PaymentDeclines")).isEqualTo(1);
    }

    @Test
    void aTransientFailure_escapes_soStepFunctionsCanRetryIt() {
        shop.payments.timingOutFirst(1);
        var pay = new TakePaymentHandler(shop.paymentStep(), metrics);

        assertThatThrownBy(
                        () -> {
                            runEvent(
                                    new ReserveStockHandler(shop.reserveStep(), metrics),
                                    "sfn-reserve-stock.json");
                            runEvent(pay, "sfn-take-payment.json");
                        })
                .isInstanceOf(dev.orderflow.domain.payment.PaymentUnavailable.class);
        assertThat(metrics.flushed("SagaStepFailures")).isEqualTo(1);
    }

    @Test
    void aPayloadWithoutAnOrder_isRefusedClearly() {
        var reserve = new ReserveStockHandler(shop.reserveStep(), metrics);

        assertThatThrownBy(() -> run(reserve, "{\"executionId\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReserveStock needs an orderId in its payload");
        assertThatThrownBy(() -> run(reserve, "not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ReserveStock cannot read its payload");
    }

    @Test
    void failureReasons_readLambdaErrorPayloads_andStepReasons() {
        assertThat(
                        FailureReasons.of(
                                new StepPayloads.Failure(
                                        null,
                                        "dev.orderflow.domain.payment.PaymentUnavailable",
                                        "{\"errorMessage\":\"provider timed out\","
                                                + "\"errorType\":\"x\"}")))
                .isEqualTo(
                        "the payment provider did not answer, even after retries (provider"
                                + " timed out)");
        assertThat(FailureReasons.of(new StepPayloads.Failure("out of stock: MUG", null, null)))
                .isEqualTo("out of stock: MUG");
        assertThat(
                        FailureReasons.of(
                                new StepPayloads.Failure(null, "Custom.Error", "x".repeat(999))))
                .hasSize(FailureReasons.MAX_LENGTH)
                .startsWith("Custom.Error: xxx");
        assertThat(FailureReasons.of(null)).isEqualTo("the order could not be fulfilled");
    }

    @Test
    void failureReasons_tellAnOperatorToCheckThePaymentConfiguration_whenTheProviderRefusedUs() {
        assertThat(
                        FailureReasons.of(
                                new StepPayloads.Failure(
                                        null,
                                        "dev.orderflow.domain.payment.PaymentRequestRejected",
                                        "{\"errorMessage\":\"payment provider refused the request:"
                                                + " charge answered HTTP 401 invalid_api_key\"}")))
                .startsWith("the payment could not be taken: the payment provider refused")
                .contains("check the payment configuration")
                .endsWith(
                        "(payment provider refused the request: charge answered HTTP 401"
                                + " invalid_api_key)");
    }
}
