package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A center with its own warehouse system, end to end on the local cloud: the center is registered
 * through the admin API with a fake warehouse's URL, an order is placed through the HTTP API, the
 * fulfillment worker posts the shipment to the warehouse over HTTP, and the warehouse reports
 * through the callback route with a warehouse token; the saga's waiting step completes with the
 * warehouse's tracking number (or fails when it cannot pick).
 */
class WarehouseIT extends SagaTestSupport {

    private FakeWarehouse warehouse;

    @AfterEach
    void stopWarehouse() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private String warehouseToken() {
        return cloud.token(
                "wms-" + shop.region,
                List.of("orderflow/warehouse"),
                List.of(),
                Duration.ofMinutes(15));
    }

    private FakeWarehouse startWarehouse(FakeWarehouse.Script script) throws Exception {
        warehouse = new FakeWarehouse(cloud.gatewayEndpoint().toString(), warehouseToken(), script);
        return warehouse;
    }

    /** Registers a center through the admin API, stating the warehouse's endpoint. */
    private String linkedCenter(String endpoint) {
        String id = "FC-WH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String admin =
                cloud.token(
                        "root",
                        List.of("orderflow/admin"),
                        List.of("admins"),
                        Duration.ofMinutes(5));
        String body =
                "{\"name\":\"Warehouse test\",\"regions\":{\"DE-"
                        + shop.region
                        + "\":10},\"handlingSeconds\":3600,\"warehouseEndpoint\":\""
                        + endpoint
                        + "\"}";
        HttpResponse<String> put =
                shop.send(
                        shop.at("/admin/centers/" + id)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body)),
                        admin);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(SagaFixture.json(put.body()).get("warehouseEndpoint").asText())
                .isEqualTo(endpoint);
        return id;
    }

    @Test
    void aWarehouseThatShips_reportsThroughTheCallback_andTheOrderShipsWithItsTrackingNumber()
            throws Exception {
        startWarehouse(
                shipment ->
                        List.of(
                                "{\"type\":\"PICKING\"}",
                                "{\"type\":\"SHIPPED\",\"trackingNumber\":\"WH-"
                                        + shipment.get("orderId").asText().substring(0, 8)
                                        + "\"}"));
        String center = linkedCenter(warehouse.endpoint());
        String sku = shop.product(APPROVED);
        shop.stock(sku, center, 5);

        String id = shop.placeOrder(alice, Map.of(sku, 2));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).as(order.toString()).isEqualTo("SHIPPED");
        String tracking = "WH-" + id.substring(0, 8);
        assertThat(order.at("/timeline/4/detail").asText())
                .contains(center + " tracking " + tracking);
        assertThat(shop.stockOf(sku, center)).containsExactly(3, 0);

        JsonNode received = warehouse.shipments().get(id + ":" + center);
        assertThat(warehouse.shipments()).hasSize(1);
        assertThat(received.get("orderId").asText()).isEqualTo(id);
        assertThat(received.get("centerId").asText()).isEqualTo(center);
        assertThat(received.at("/lines/0/sku").asText()).isEqualTo(sku);
        assertThat(received.at("/lines/0/quantity").asInt()).isEqualTo(2);
        assertThat(received.at("/address/region").asText()).isEqualTo(shop.region);
        assertThat(received.has("taskToken")).isFalse();
        assertThat(received.toString()).doesNotContain("token");
        assertThat(warehouse.callbacks())
                .extracting(FakeWarehouse.Callback::status)
                .containsExactly(200, 200);

        String callback = received.get("callback").asText();
        assertThat(callback).isEqualTo("/warehouse/shipments/" + id + "/" + center + "/events");
        // The step is settled: a late report changes nothing and says so.
        assertThat(
                        warehouse
                                .report(callback, "{\"type\":\"SHIPPED\",\"trackingNumber\":\"X\"}")
                                .status())
                .isEqualTo(409);
        assertThat(shop.order(alice, id).at("/timeline/4/detail").asText()).contains(tracking);
    }

    @Test
    void aWarehouseThatCannotPick_failsTheStep_andTheOrderIsRejectedWithItsStockReleased()
            throws Exception {
        startWarehouse(
                shipment -> List.of("{\"type\":\"CANNOT_PICK\",\"reason\":\"pallet damaged\"}"));
        String center = linkedCenter(warehouse.endpoint());
        String sku = shop.product(APPROVED);
        shop.stock(sku, center, 5);

        String id = shop.placeOrder(alice, Map.of(sku, 1));
        JsonNode order = shop.awaitEnd(alice, id);

        assertThat(order.get("status").asText()).as(order.toString()).isEqualTo("REJECTED");
        assertThat(shop.stockOf(sku, center)).containsExactly(5, 0);
        assertThat(shop.history(id))
                .anyMatch(
                        e ->
                                e.startsWith("TaskFailed Fulfillment.Rejected")
                                        && e.contains("pallet damaged"));
        assertThat(warehouse.callbacks())
                .extracting(FakeWarehouse.Callback::status)
                .containsExactly(200);
    }

    @Test
    void theCallback_refusesOtherTokens_andUnknownShipments() throws Exception {
        startWarehouse(shipment -> List.of());
        String path = "/warehouse/shipments/" + UUID.randomUUID() + "/FC-NOWHERE/events";

        HttpResponse<String> asCustomer =
                shop.send(
                        shop.at(path)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"type\":\"PICKING\"}")),
                        alice);
        assertThat(asCustomer.statusCode()).isEqualTo(403);

        assertThat(warehouse.report(path, "{\"type\":\"PICKING\"}").status()).isEqualTo(404);
        assertThat(warehouse.report(path, "{\"type\":\"SHIPPED\"}").status()).isEqualTo(400);
    }
}
