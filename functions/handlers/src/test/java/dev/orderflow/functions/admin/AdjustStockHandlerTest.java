package dev.orderflow.functions.admin;

import static dev.orderflow.functions.admin.AdminEvents.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.inventory.StockPosition;
import dev.orderflow.functions.support.AdminShop;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdjustStockHandlerTest {

    private static final String FILE = "apigw-admin-post-stock-adjustment.json";

    private final AdminShop shop = new AdminShop();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final AdjustStockHandler adjust = new AdjustStockHandler(shop.adjustStock(), metrics);
    private final GetStockHandler read = new GetStockHandler(shop.adjustStock(), metrics);

    private APIGatewayV2HTTPResponse adjust(APIGatewayV2HTTPEvent event) {
        return adjust.handleRequest(event, new TestContext("r"));
    }

    @Test
    void adjust_addsUnits_andTheStockRouteShowsTheResult() {
        APIGatewayV2HTTPResponse response = adjust(AdminEvents.event(FILE));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("available").asInt()).isEqualTo(29);
        assertThat(body(response).get("reserved").asInt()).isEqualTo(2);
        assertThat(metrics.flushed("StockAdjustments")).isEqualTo(1.0);
        APIGatewayV2HTTPResponse levels =
                read.handleRequest(
                        AdminEvents.event("apigw-admin-get-stock.json"), new TestContext("r"));
        assertThat(body(levels).at("/levels/0/available").asInt()).isEqualTo(29);
    }

    @Test
    void adjust_atACenterHomedInAnotherRegion_is409_namingItsHome_andChangesNothing() {
        shop.centers.save(
                new FulfillmentCenter(
                        new CenterId("FC-NYC"),
                        "New York",
                        Map.of("US-NY", 10),
                        FulfillmentCenter.DEFAULT_HANDLING_TIME,
                        new WarehouseLink.None(),
                        Optional.of(Shop.ELSEWHERE)));
        APIGatewayV2HTTPEvent event = AdminEvents.event(FILE);
        event.setPathParameters(Map.of("sku", "MUG-BLUE", "centerId", "FC-NYC"));

        APIGatewayV2HTTPResponse response = adjust(event);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(response).get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/homed-in-another-region");
        assertThat(body(response).get("homeRegion").asText()).isEqualTo("us-east-1");
        assertThat(body(response).get("detail").asText()).contains("FC-NYC");
        assertThat(shop.stock.positionsOf(AdminShop.MUG))
                .containsExactly(new StockPosition(AdminShop.MUG, AdminShop.MUNICH, 5, 2));
    }

    @Test
    void adjust_belowZero_is422_andChangesNothing() {
        APIGatewayV2HTTPResponse response =
                adjust(AdminEvents.event("apigw-admin-post-stock-adjustment-below-zero.json"));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(body(response).get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/insufficient-stock");
        assertThat(shop.stock.positionsOf(AdminShop.MUG))
                .containsExactly(new StockPosition(AdminShop.MUG, AdminShop.MUNICH, 5, 2));
    }

    @Test
    void adjust_ofAnUnknownCenterOrProduct_is404() {
        APIGatewayV2HTTPEvent center = AdminEvents.event(FILE);
        center.setPathParameters(Map.of("sku", "MUG-BLUE", "centerId", "FC-NOWHERE"));
        APIGatewayV2HTTPEvent product = AdminEvents.event(FILE);
        product.setPathParameters(Map.of("sku", "NO-SUCH", "centerId", "FC-MUC"));

        assertThat(body(adjust(center)).get("type").asText())
                .endsWith("/fulfillment-center-not-found");
        assertThat(body(adjust(product)).get("type").asText()).endsWith("/product-not-found");
    }

    @Test
    void adjust_withoutADelta_orWithZero_is400NamingDelta() {
        for (String bad : new String[] {"{}", "{\"delta\":0}", "{\"delta\":\"ten\"}"}) {
            APIGatewayV2HTTPResponse response = adjust(AdminEvents.withBody(FILE, bad));
            assertThat(response.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(body(response).at("/errors/0/field").asText()).as(bad).isEqualTo("delta");
        }
    }

    @Test
    void aCustomer_gets403_forReadingAndAdjusting() {
        assertThat(adjust(AdminEvents.asCustomer(AdminEvents.event(FILE))).getStatusCode())
                .isEqualTo(403);
        assertThat(
                        read.handleRequest(
                                        AdminEvents.asCustomer(
                                                AdminEvents.event("apigw-admin-get-stock.json")),
                                        new TestContext("r"))
                                .getStatusCode())
                .isEqualTo(403);
    }
}
