package dev.orderflow.functions.admin;

import static dev.orderflow.functions.admin.AdminEvents.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.PageRequest;
import dev.orderflow.functions.support.AdminShop;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.TestContext;
import org.junit.jupiter.api.Test;

class PutProductHandlerTest {

    private static final String FILE = "apigw-admin-put-product.json";

    private final AdminShop shop = new AdminShop();
    private final PutProductHandler handler =
            new PutProductHandler(shop.manageCatalog(), new RecordingMetrics());

    private APIGatewayV2HTTPResponse put(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("r"));
    }

    @Test
    void put_creates_with201AndLocation_thenReplacesWith200_andRepeatsIdempotently() {
        APIGatewayV2HTTPResponse created = put(AdminEvents.event(FILE));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("Location", "/admin/products/TEA-MATCHA");
        assertThat(body(created).at("/price/amount").asText()).isEqualTo("14.90");

        String deactivated =
                "{\"name\":\"Matcha\",\"price\":{\"amount\":\"15\",\"currency\":\"EUR\"},"
                        + "\"active\":false}";
        APIGatewayV2HTTPResponse replaced = put(AdminEvents.withBody(FILE, deactivated));
        APIGatewayV2HTTPResponse again = put(AdminEvents.withBody(FILE, deactivated));

        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(replaced.getBody());
        assertThat(shop.catalog.find(new Sku("TEA-MATCHA")))
                .contains(
                        new Product(
                                new Sku("TEA-MATCHA"),
                                "Matcha",
                                Money.ofMinor(1500, "EUR"),
                                false));
        assertThat(
                        shop.manageCatalog()
                                .list(
                                        new dev.orderflow.domain.identity.Caller(
                                                "ops",
                                                java.util.Set.of("orderflow/admin"),
                                                java.util.Set.of()),
                                        new PageRequest(100, Cursor.first()))
                                .items())
                .extracting(p -> p.sku().value())
                .contains("TEA-MATCHA", "MUG-RED");
    }

    @Test
    void put_namesEveryBadField() {
        APIGatewayV2HTTPResponse response =
                put(
                        AdminEvents.withBody(
                                FILE,
                                "{\"name\":\"\",\"price\":{\"amount\":\"-1\",\"currency\":\"EUR\"}}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(response).findValuesAsText("field"))
                .containsExactlyInAnyOrder("active", "price.amount");
    }

    @Test
    void put_rejectsAnUnknownCurrency_tooManyDecimals_andUnknownFields() {
        assertThat(
                        body(put(
                                        AdminEvents.withBody(
                                                FILE,
                                                "{\"name\":\"M\",\"price\":{\"amount\":\"1\",\"currency\":\"XYZ1\"},\"active\":true}")))
                                .at("/errors/0/field")
                                .asText())
                .isEqualTo("price.currency");
        assertThat(
                        body(put(
                                        AdminEvents.withBody(
                                                FILE,
                                                "{\"name\":\"M\",\"price\":{\"amount\":\"1.5\",\"currency\":\"JPY\"},\"active\":true}")))
                                .at("/errors/0/field")
                                .asText())
                .isEqualTo("price.amount");
        assertThat(
                        body(put(
                                        AdminEvents.withBody(
                                                FILE,
                                                "{\"name\":\"M\",\"stock\":3,\"price\":{\"amount\":\"1\",\"currency\":\"EUR\"},\"active\":true}")))
                                .at("/errors/0/field")
                                .asText())
                .isEqualTo("stock");
    }

    @Test
    void aMalformedSkuInThePath_is400NamingIt() {
        APIGatewayV2HTTPEvent event = AdminEvents.event(FILE);
        event.setPathParameters(java.util.Map.of("sku", "tea matcha"));

        APIGatewayV2HTTPResponse response = put(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).at("/errors/0/field").asText()).isEqualTo("sku");
    }

    @Test
    void aCustomer_gets403_evenWithABadBody_andNothingChanges() {
        APIGatewayV2HTTPResponse response =
                put(AdminEvents.asCustomer(AdminEvents.withBody(FILE, "not json")));

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(body(response).get("type").asText())
                .isEqualTo("https://orderflow.dev/problems/forbidden");
        assertThat(shop.catalog.find(new Sku("TEA-MATCHA"))).isEmpty();
    }

    @Test
    void aMemberOfTheAdminsGroup_isAnAdmin() {
        assertThat(put(AdminEvents.asGroupAdmin(AdminEvents.event(FILE))).getStatusCode())
                .isEqualTo(201);
    }
}
