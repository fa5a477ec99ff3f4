package dev.orderflow.functions.admin;

import static dev.orderflow.functions.admin.AdminEvents.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.functions.support.AdminShop;
import dev.orderflow.functions.support.RecordingMetrics;
import dev.orderflow.functions.support.Shop;
import dev.orderflow.functions.support.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PutCenterHandlerTest {

    private static final String FILE = "apigw-admin-put-center.json";

    private final AdminShop shop = new AdminShop();
    private final PutCenterHandler handler =
            new PutCenterHandler(shop.manageCenters(), new RecordingMetrics());

    private APIGatewayV2HTTPResponse put(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("r"));
    }

    @Test
    void put_replacesAnExistingCenter_with200_andCreatesANewOne_with201() {
        APIGatewayV2HTTPResponse replaced = put(AdminEvents.event(FILE));
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(body(replaced).at("/regions/AT-9").asInt()).isEqualTo(430);
        assertThat(shop.centers.find(AdminShop.MUNICH).orElseThrow().distanceKmByRegion())
                .containsEntry("DE-BY", 15)
                .hasSize(3);

        APIGatewayV2HTTPEvent hamburg = AdminEvents.event(FILE);
        hamburg.setPathParameters(Map.of("centerId", "FC-HAM"));
        APIGatewayV2HTTPResponse created = put(hamburg);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("Location", "/admin/centers/FC-HAM");
        assertThat(shop.centers.find(new CenterId("FC-HAM"))).isPresent();
    }

    @Test
    void put_acceptsAHomeRegion_storesIt_andShowsIt() {
        APIGatewayV2HTTPResponse response =
                put(
                        AdminEvents.withBody(
                                FILE,
                                "{\"name\":\"Munich\",\"regions\":{\"DE-BY\":15},"
                                        + "\"homeRegion\":\"eu-central-1\"}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("homeRegion").asText()).isEqualTo("eu-central-1");
        assertThat(shop.centers.find(AdminShop.MUNICH).orElseThrow().homeRegion())
                .contains(Shop.HERE);
        assertThat(body(put(AdminEvents.event(FILE))).has("homeRegion"))
                .as("a center without one is homed everywhere, and shows none")
                .isFalse();
    }

    @Test
    void put_refusesAHomeRegionThatIsNoAwsRegionName_with400() {
        for (String bad : new String[] {"\"Frankfurt\"", "\"EU-CENTRAL-1\"", "\"DE-BY\""}) {
            APIGatewayV2HTTPResponse response =
                    put(
                            AdminEvents.withBody(
                                    FILE,
                                    "{\"name\":\"M\",\"regions\":{\"DE-BY\":3},\"homeRegion\":"
                                            + bad
                                            + "}"));

            assertThat(response.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(response.getHeaders())
                    .containsEntry("Content-Type", "application/problem+json");
            assertThat(body(response).at("/errors/0/field").asText()).isEqualTo("homeRegion");
        }
        assertThat(shop.centers.find(AdminShop.MUNICH).orElseThrow().homeRegion()).isEmpty();
    }

    @Test
    void put_namesMissingAndMalformedFields() {
        assertThat(body(put(AdminEvents.withBody(FILE, "{}"))).findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "regions");
        assertThat(
                        body(put(AdminEvents.withBody(FILE, "{\"name\":\"M\",\"regions\":{}}")))
                                .at("/errors/0/field")
                                .asText())
                .isEqualTo("regions");
        assertThat(
                        body(put(
                                        AdminEvents.withBody(
                                                FILE,
                                                "{\"name\":\"M\",\"regions\":{\"bavaria\":3}}")))
                                .at("/errors/0/field")
                                .asText())
                .isEqualTo("regions.bavaria");
        assertThat(
                        put(AdminEvents.withBody(
                                        FILE, "{\"name\":\"M\",\"regions\":{\"DE-BY\":-3}}"))
                                .getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void put_refusesValuesOutsideTheDocumentedLimits_namingTheField() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            many.append(i == 0 ? "" : ",").append("\"DE-").append(i).append("\":1");
        }
        record Case(String body, String field) {}
        for (Case c :
                List.of(
                        new Case("{\"name\":\"M\",\"regions\":{\"DE-BY\":40001}}", "regions.DE-BY"),
                        new Case("{\"name\":\"\",\"regions\":{\"DE-BY\":1}}", "name"),
                        new Case(
                                "{\"name\":\"" + "M".repeat(101) + "\",\"regions\":{\"DE-BY\":1}}",
                                "name"),
                        new Case("{\"name\":\"M\",\"regions\":{" + many + "}}", "regions"))) {
            APIGatewayV2HTTPResponse response = put(AdminEvents.withBody(FILE, c.body()));
            assertThat(response.getStatusCode()).as(c.field()).isEqualTo(400);
            assertThat(body(response).findValuesAsText("field")).as(c.field()).contains(c.field());
        }
        assertThat(shop.centers.find(new CenterId("FC-MUC")).orElseThrow().name())
                .isNotEqualTo("M");
    }

    @Test
    void aCustomer_gets403() {
        assertThat(put(AdminEvents.asCustomer(AdminEvents.event(FILE))).getStatusCode())
                .isEqualTo(403);
        assertThat(shop.centers.find(AdminShop.MUNICH).orElseThrow().name()).isEqualTo("Munich");
    }

    @Test
    void put_storesAWarehouseEndpoint_andRefusesAPlainHttpOne() throws Exception {
        APIGatewayV2HTTPResponse linked =
                put(AdminEvents.event("apigw-admin-put-center-with-warehouse.json"));

        assertThat(linked.getStatusCode()).isEqualTo(200);
        assertThat(body(linked).get("warehouseEndpoint").asText())
                .isEqualTo("https://wms.munich.example.com/api/v1");
        assertThat(shop.centers.find(AdminShop.MUNICH).orElseThrow().warehouse())
                .isEqualTo(
                        dev.orderflow.domain.centers.WarehouseLink.Endpoint.parse(
                                "https://wms.munich.example.com/api/v1"));

        APIGatewayV2HTTPResponse refused =
                put(AdminEvents.event("apigw-admin-put-center-invalid-warehouse.json"));
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(body(refused).at("/errors/0/field").asText()).isEqualTo("warehouseEndpoint");
        assertThat(body(put(AdminEvents.event(FILE))).has("warehouseEndpoint")).isFalse();
    }
}
