package dev.orderflow.functions.admin;

import static dev.orderflow.functions.admin.AdminEvents.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.functions.support.AdminShop;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.TestContext;
import org.junit.jupiter.api.Test;

class ReshardStockHandlerTest {

    private static final String FILE = "apigw-admin-put-stock-shards.json";

    private final AdminShop shop = new AdminShop();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ReshardStockHandler reshard =
            new ReshardStockHandler(shop.adjustStock(), metrics);
    private final GetStockHandler read = new GetStockHandler(shop.adjustStock(), metrics);

    private APIGatewayV2HTTPResponse reshard(APIGatewayV2HTTPEvent event) {
        return reshard.handleRequest(event, new TestContext("r"));
    }

    @Test
    void reshard_setsTheCount_andTheStockRouteShowsIt() {
        assertThat(
                        body(read.handleRequest(
                                        AdminEvents.event("apigw-admin-get-stock.json"),
                                        new TestContext("r")))
                                .get("shards")
                                .asInt())
                .isEqualTo(1);

        APIGatewayV2HTTPResponse response = reshard(AdminEvents.event(FILE));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("shards").asInt()).isEqualTo(8);
        assertThat(body(response).at("/levels/0/available").asInt()).isEqualTo(5);
        assertThat(metrics.flushed("StockReshards")).isEqualTo(1.0);
        assertThat(
                        body(read.handleRequest(
                                        AdminEvents.event("apigw-admin-get-stock.json"),
                                        new TestContext("r")))
                                .get("shards")
                                .asInt())
                .isEqualTo(8);
    }

    @Test
    void reshard_outsideOneTo64_orWithoutACount_is400NamingShards() {
        for (String bad :
                new String[] {"{}", "{\"shards\":0}", "{\"shards\":65}", "{\"shards\":\"x\"}"}) {
            APIGatewayV2HTTPResponse response = reshard(AdminEvents.withBody(FILE, bad));
            assertThat(response.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(body(response).at("/errors/0/field").asText()).as(bad).isEqualTo("shards");
        }
    }

    @Test
    void aCustomer_gets403() {
        assertThat(reshard(AdminEvents.asCustomer(AdminEvents.event(FILE))).getStatusCode())
                .isEqualTo(403);
    }
}
