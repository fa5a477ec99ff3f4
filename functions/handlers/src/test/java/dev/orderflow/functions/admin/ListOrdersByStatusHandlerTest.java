package dev.orderflow.functions.admin;

import static dev.orderflow.functions.admin.AdminEvents.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.ShippingAddress;
import dev.orderflow.functions.support.AdminShop;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListOrdersByStatusHandlerTest {

    private static final String FILE = "apigw-admin-get-orders.json";

    private final AdminShop shop = new AdminShop();
    private final ListOrdersByStatusHandler handler =
            new ListOrdersByStatusHandler(shop.browseOrdersByStatus(), new RecordingMetrics());

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("r"));
    }

    private static APIGatewayV2HTTPEvent query(Map<String, String> parameters) {
        APIGatewayV2HTTPEvent event = AdminEvents.event(FILE);
        event.setQueryStringParameters(parameters);
        return event;
    }

    @Test
    void list_showsEveryCustomersOrders_newestFirst_inPagesThatChain() {
        Order bobs =
                Order.place(
                        OrderId.random(),
                        "bob",
                        List.of(new OrderLine(new Sku("MUG-BLUE"), 3)),
                        new ShippingAddress("DE", "BE", "Berlin", "10115", "Unter den Linden 1"),
                        Money.ofMinor(3750, "EUR"),
                        Shop.NOW);
        shop.ordersByStatus.with(bobs);

        APIGatewayV2HTTPResponse first = list(query(Map.of("status", "pending", "limit", "1")));
        String cursor = body(first).get("nextCursor").asText();
        APIGatewayV2HTTPResponse second =
                list(query(Map.of("status", "PENDING", "limit", "1", "cursor", cursor)));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(body(first).at("/items/0/orderId").asText()).isEqualTo(bobs.id().value());
        assertThat(body(second).at("/items/0/orderId").asText())
                .isEqualTo(Shop.STORED_ORDER.value());
        assertThat(body(second).at("/items/0/address/city").asText()).isEqualTo("München");
        assertThat(body(second).has("nextCursor")).isFalse();
    }

    @Test
    void list_needsOneKnownStatus_andALimitInRange() {
        assertThat(body(list(query(Map.of()))).at("/errors/0/field").asText()).isEqualTo("status");
        assertThat(body(list(query(Map.of("status", "LOST")))).at("/errors/0/field").asText())
                .isEqualTo("status");
        assertThat(
                        body(list(query(Map.of("status", "PENDING", "limit", "500"))))
                                .at("/errors/0/field")
                                .asText())
                .isEqualTo("limit");
        assertThat(
                        body(list(query(Map.of("status", "PENDING", "cursor", "SHIPPED:1"))))
                                .at("/errors/0/field")
                                .asText())
                .isEqualTo("cursor");
    }

    @Test
    void aCustomer_gets403() {
        assertThat(list(AdminEvents.asCustomer(AdminEvents.event(FILE))).getStatusCode())
                .isEqualTo(403);
    }
}
