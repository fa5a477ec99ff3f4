package dev.orderflow.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operations staff's journey through the gateway, the real admin handlers and the DynamoDB engine:
 * products, centers, stock, and every customer's orders by status. Each test makes its own SKUs and
 * center ids, so the tests can share the one local cloud.
 */
class AdminApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalCloud cloud;
    private static String admin;

    @BeforeAll
    static void boot() {
        cloud = SharedCloud.get();
        admin =
                cloud.token(
                        "ops-" + UUID.randomUUID(),
                        List.of("orderflow/admin"),
                        List.of(),
                        Duration.ofMinutes(5));
    }

    private static String customer() {
        return cloud.token(
                "alice-" + UUID.randomUUID(), List.of(), List.of(), Duration.ofMinutes(5));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(
                URI.create(cloud.gatewayEndpoint().toString().replaceAll("/$", "") + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws Exception {
        return HTTP.send(
                request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(String path, String body, String token)
            throws Exception {
        return send(
                at(path).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private static HttpResponse<String> post(String path, String body, String token)
            throws Exception {
        return send(
                at(path).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String product(String name, String amount, boolean active) {
        return "{\"name\":\""
                + name
                + "\",\"price\":{\"amount\":\""
                + amount
                + "\",\"currency\":\"EUR\"},\"active\":"
                + active
                + "}";
    }

    @Test
    void products_areCreatedReplacedIdempotently_andListedWithTheInactiveOnes() throws Exception {
        String sku = unique("MUG");

        HttpResponse<String> created =
                put("/admin/products/" + sku, product("Mug", "9.90", true), admin);
        HttpResponse<String> replaced =
                put("/admin/products/" + sku, product("Mug", "11.00", false), admin);
        HttpResponse<String> again =
                put("/admin/products/" + sku, product("Mug", "11.00", false), admin);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("location")).hasValue("/admin/products/" + sku);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(replaced.body());

        List<String> listed = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 50; page++) {
            JsonNode body = json(send(at("/admin/products?limit=5" + cursor).GET(), admin));
            body.get("items")
                    .forEach(p -> listed.add(p.get("sku").asText() + ":" + p.get("active")));
            if (!body.has("nextCursor")) {
                break;
            }
            cursor = "&cursor=" + body.get("nextCursor").asText();
        }
        assertThat(listed).contains(sku + ":false", "POSTER-OLD:false", "MUG-BLUE:true");
        assertThat(json(send(at("/products?limit=100").GET(), admin)).findValuesAsText("sku"))
                .doesNotContain(sku);
    }

    @Test
    void stock_isAdjustedAtomically_neverBelowZero_andReadPerCenter() throws Exception {
        String sku = unique("TEE");
        String center = unique("FC");
        assertThat(put("/admin/products/" + sku, product("Tee", "25.00", true), admin).statusCode())
                .isEqualTo(201);
        HttpResponse<String> centerCreated =
                put(
                        "/admin/centers/" + center,
                        "{\"name\":\"Munich\",\"regions\":{\"DE-BY\":10,\"AT-9\":430}}",
                        admin);
        assertThat(centerCreated.statusCode()).as(centerCreated.body()).isEqualTo(201);
        assertThat(json(send(at("/admin/centers").GET(), admin)).findValuesAsText("centerId"))
                .contains(center);

        String adjustments = "/admin/stock/" + sku + "/" + center + "/adjustments";
        HttpResponse<String> added = post(adjustments, "{\"delta\":12}", admin);
        HttpResponse<String> removed = post(adjustments, "{\"delta\":-5}", admin);
        HttpResponse<String> tooMany = post(adjustments, "{\"delta\":-8}", admin);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json(added).get("available").asInt()).isEqualTo(12);
        assertThat(json(removed).get("available").asInt()).isEqualTo(7);
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.headers().firstValue("content-type"))
                .hasValue("application/problem+json");
        JsonNode stock = json(send(at("/admin/stock/" + sku).GET(), admin));
        assertThat(stock.at("/levels/0/centerId").asText()).isEqualTo(center);
        assertThat(stock.at("/levels/0/available").asInt()).isEqualTo(7);
        assertThat(stock.at("/levels/0/reserved").asInt()).isEqualTo(0);

        assertThat(
                        post(
                                        "/admin/stock/" + sku + "/FC-NOWHERE/adjustments",
                                        "{\"delta\":1}",
                                        admin)
                                .statusCode())
                .isEqualTo(404);
        assertThat(send(at("/admin/stock/" + unique("NONE")).GET(), admin).statusCode())
                .isEqualTo(404);
        HttpResponse<String> zero = post(adjustments, "{\"delta\":0}", admin);
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json(zero).at("/errors/0/field").asText()).isEqualTo("delta");
    }

    @Test
    void ordersByStatus_showEveryCustomersOrders_inTheStatusTheSagaLeftThemIn() throws Exception {
        List<String> placed = new ArrayList<>();
        String shopper = customer();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> order =
                    send(
                            at("/orders")
                                    .header("Idempotency-Key", "k-" + UUID.randomUUID())
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"items\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}],"
                                                            + "\"address\":{\"country\":\"DE\",\"region\":\"BY\","
                                                            + "\"city\":\"Munich\",\"postalCode\":\"80331\","
                                                            + "\"street\":\"Marienplatz 1\"}}")),
                            shopper);
            assertThat(order.statusCode()).as(order.body()).isEqualTo(202);
            placed.add(json(order).get("orderId").asText());
        }
        // The saga moves each order on; list it under the status it ends in.
        java.util.Map<String, List<String>> byStatus = new java.util.TreeMap<>();
        for (String id : placed) {
            String[] status = new String[1];
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                status[0] =
                                        json(send(at("/orders/" + id).GET(), shopper))
                                                .get("status")
                                                .asText();
                                return List.of("SHIPPED", "REJECTED", "CANCELLED")
                                        .contains(status[0]);
                            });
            byStatus.computeIfAbsent(status[0], s -> new ArrayList<>()).add(id);
        }

        for (var expected : byStatus.entrySet()) {
            List<String> listed = new ArrayList<>();
            String cursor = "";
            for (int page = 0; page < 500; page++) {
                HttpResponse<String> response =
                        send(
                                at("/admin/orders?status="
                                                + expected.getKey()
                                                + "&limit=20"
                                                + cursor)
                                        .GET(),
                                admin);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode body = json(response);
                body.get("items")
                        .forEach(
                                o -> {
                                    assertThat(o.get("status").asText())
                                            .isEqualTo(expected.getKey());
                                    listed.add(o.get("orderId").asText());
                                });
                if (!body.has("nextCursor")) {
                    break;
                }
                cursor = "&cursor=" + body.get("nextCursor").asText();
            }
            assertThat(listed).containsAll(expected.getValue()).doesNotHaveDuplicates();
        }
        assertThat(send(at("/admin/orders?status=LOST").GET(), admin).statusCode()).isEqualTo(400);
    }

    @Test
    void aCustomerToken_isForbiddenOnEveryAdminRoute() throws Exception {
        String token = customer();
        List<HttpRequest.Builder> requests =
                List.of(
                        at("/admin/products").GET(),
                        at("/admin/products/MUG-BLUE")
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(product("X", "1", true))),
                        at("/admin/centers").GET(),
                        at("/admin/centers/FC-X")
                                .header("Content-Type", "application/json")
                                .PUT(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"name\":\"X\",\"regions\":{\"DE-BY\":1}}")),
                        at("/admin/stock/MUG-BLUE").GET(),
                        at("/admin/stock/MUG-BLUE/FC-X/adjustments")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"delta\":1}")),
                        at("/admin/orders?status=PENDING").GET());
        for (HttpRequest.Builder request : requests) {
            HttpResponse<String> response = send(request, token);
            assertThat(response.statusCode())
                    .as("%s %s", response.request().method(), response.request().uri())
                    .isEqualTo(403);
        }
        assertThat(json(send(at("/admin/products?limit=1").GET(), admin)).get("items")).isNotNull();
    }
}
