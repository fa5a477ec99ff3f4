package dev.orderflow.domain.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.domain.shipping.FulfillShipment.Outcome;
import dev.orderflow.domain.shipping.FulfillShipment.Result;
import dev.orderflow.domain.testfixtures.InMemoryAwaitedShipments;
import dev.orderflow.domain.testfixtures.InMemoryCenterDirectory;
import dev.orderflow.domain.testfixtures.InMemoryOrderRepository;
import dev.orderflow.domain.testfixtures.RecordingTaskTokens;
import dev.orderflow.domain.testfixtures.ScriptedWarehouse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FulfillShipmentTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final List<OrderLine> ITEMS = List.of(new OrderLine(new Sku("MUG"), 2));

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final ScriptedWarehouse warehouse = new ScriptedWarehouse(NOW);
    private final RecordingTaskTokens tokens = new RecordingTaskTokens();
    private final InMemoryCenterDirectory centers =
            new InMemoryCenterDirectory()
                    .with(new FulfillmentCenter(MUC, "Munich", Map.of("DE-BY", 10)));
    private final InMemoryAwaitedShipments awaited = new InMemoryAwaitedShipments();
    private final FulfillShipment fulfillShipment =
            new FulfillShipment(orders, centers, warehouse, tokens, awaited);

    private Order placed() {
        Order order =
                Order.place(
                        OrderId.random(),
                        "alice",
                        ITEMS,
                        new ShippingAddress("DE", "BY", "München", "80331", "Marienplatz 1"),
                        Money.ofMinor(2500, "EUR"),
                        NOW);
        orders.create(order);
        return order;
    }

    private static FulfillmentRequest request(Order order, String token) {
        return FulfillmentRequest.of(order.id(), MUC, ITEMS, new TaskToken(token));
    }

    @Test
    void fulfill_shipsAndCompletesTheStepWithTheParcel() {
        Order order = placed();

        Outcome outcome = fulfillShipment.fulfill(request(order, "t1"));

        assertThat(outcome).isEqualTo(new Outcome(Result.SHIPPED, false));
        assertThat(tokens.closing("t1").kind()).isEqualTo("success");
        assertThat(tokens.closing("t1").detail())
                .isEqualTo("FC-MUC|TRK-" + order.id() + "-FC-MUC|" + NOW);
    }

    @Test
    void fulfill_twiceWithTheSameToken_reportsOnce_andCallsTheDuplicateSuccessful() {
        Order order = placed();
        fulfillShipment.fulfill(request(order, "t1"));

        Outcome again = fulfillShipment.fulfill(request(order, "t1"));

        assertThat(again).isEqualTo(new Outcome(Result.SHIPPED, true));
        assertThat(tokens.received())
                .extracting(r -> r.kind())
                .containsExactly("success", "success");
        assertThat(tokens.closing("t1").detail()).contains("TRK-" + order.id());
    }

    @Test
    void fulfill_reportsProgressAsHeartbeats_beforeShipping() {
        Order order = placed();
        warehouse.reportingProgress(2);

        fulfillShipment.fulfill(request(order, "t1"));

        assertThat(tokens.received())
                .extracting(r -> r.kind())
                .containsExactly("heartbeat", "heartbeat", "success");
    }

    @Test
    void fulfill_failsTheStepAsRejected_whenTheCenterCannotPick() {
        Order order = placed();
        warehouse.answering(new PickOutcome.CannotPick("MUG damaged on the shelf"));

        Outcome outcome = fulfillShipment.fulfill(request(order, "t1"));

        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(tokens.closing("t1").kind()).isEqualTo("failure");
        assertThat(tokens.closing("t1").detail()).isEqualTo("Fulfillment.Rejected");
    }

    @Test
    void fulfill_reportsNothing_whenTheCenterNeverAnswers() {
        Order order = placed();
        warehouse.answering(new PickOutcome.NoAnswer());

        Outcome outcome = fulfillShipment.fulfill(request(order, "t1"));

        assertThat(outcome).isEqualTo(new Outcome(Result.NO_ANSWER, false));
        assertThat(tokens.received()).isEmpty();
    }

    @Test
    void fulfill_handsTheWarehouseTheAddressButNotTheToken_andKeepsTheTokenByOrderAndCenter() {
        Order order = placed();
        warehouse.answering(new PickOutcome.Accepted());

        Outcome outcome = fulfillShipment.fulfill(request(order, "t1"));

        assertThat(outcome).isEqualTo(new Outcome(Result.ACCEPTED, false));
        assertThat(tokens.received()).isEmpty();
        assertThat(awaited.find(order.id(), MUC)).contains(new TaskToken("t1"));
        ShipmentOrder handed = warehouse.picked().get(0);
        assertThat(handed.address()).isEqualTo(order.address());
        assertThat(handed.center().id()).isEqualTo(MUC);
        assertThat(handed.lines()).isEqualTo(ITEMS);
    }

    @Test
    void fulfill_failsTheStepAsRejected_withoutPicking_forAnUnknownCenter() {
        Order order = placed();
        FulfillmentRequest elsewhere =
                FulfillmentRequest.of(
                        order.id(), new CenterId("FC-GONE"), ITEMS, new TaskToken("t1"));

        Outcome outcome = fulfillShipment.fulfill(elsewhere);

        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(tokens.closing("t1").detail()).isEqualTo("Fulfillment.Rejected");
        assertThat(warehouse.picked()).isEmpty();
    }

    @Test
    void fulfill_failsTheStepAsCancelled_withoutPicking_whenTheOrderIsBeingCancelled() {
        Order order = placed();
        orders.update(order.cancelRequested(NOW));

        Outcome outcome = fulfillShipment.fulfill(request(order, "t1"));

        assertThat(outcome.result()).isEqualTo(Result.CANCELLED);
        assertThat(tokens.closing("t1").detail()).isEqualTo("Fulfillment.Cancelled");
        assertThat(warehouse.picked()).isEmpty();
    }

    @Test
    void fulfill_failsTheStepAsOrderNotFound_forAnUnknownOrder() {
        FulfillmentRequest unknown =
                FulfillmentRequest.of(OrderId.random(), MUC, ITEMS, new TaskToken("t1"));

        Outcome outcome = fulfillShipment.fulfill(unknown);

        assertThat(outcome.result()).isEqualTo(Result.ORDER_NOT_FOUND);
        assertThat(tokens.closing("t1").detail()).isEqualTo("Order.OrderNotFound");
        assertThat(warehouse.picked()).isEmpty();
    }

    @Test
    void fulfill_letsAnUnreachableEngineFail_soTheMessageIsRedelivered() {
        Order order = placed();
        tokens.goDown();

        assertThatThrownBy(() -> fulfillShipment.fulfill(request(order, "t1")))
                .isInstanceOf(DependencyUnavailable.class);
    }

    @Test
    void taskToken_refusesBlankAndOverlongValues() {
        assertThatThrownBy(() -> new TaskToken(" "))
                .isInstanceOf(dev.orderflow.domain.error.InvalidInput.class);
        assertThatThrownBy(() -> new TaskToken("t".repeat(TaskToken.MAX_LENGTH + 1)))
                .isInstanceOf(dev.orderflow.domain.error.InvalidInput.class);
    }

    @Test
    void taskToken_neverShowsItsValue() {
        assertThat(new TaskToken("secret-token").toString()).doesNotContain("secret");
    }
}
