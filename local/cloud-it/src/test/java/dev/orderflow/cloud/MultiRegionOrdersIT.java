package dev.orderflow.cloud;

import static dev.orderflow.cloud.RegionsFixture.APPROVED;
import static dev.orderflow.cloud.RegionsFixture.EU;
import static dev.orderflow.cloud.RegionsFixture.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The guarantees of docs/multi-region.md while both regions are up: an order lives in its home
 * region and is readable everywhere after the replication lag; a region refuses to change another
 * region's order or stock; concurrent writes to one item converge; and a race for the last units,
 * split over both regions, sells exactly the stock.
 */
class MultiRegionOrdersIT {

    private static RegionsFixture world;

    @BeforeAll
    static void boot() {
        world = new RegionsFixture();
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void anOrderIsHomedWhereItWasPlaced_andReadableInTheOtherRegionAfterTheLag() {
        SagaFixture eu = world.in(EU);
        String sku = eu.product(APPROVED);
        String center = eu.homedCenter(EU, 10);
        eu.stock(sku, center, 5);
        String alice = eu.token("alice-" + world.customers);

        String id = eu.placeOrder(alice, Map.of(sku, 1));
        JsonNode shipped = eu.awaitStatus(alice, id, Set.of("SHIPPED"));

        assertThat(shipped.get("homeRegion").asText()).isEqualTo(EU);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> {
                            HttpResponse<String> inUs = world.read(US, alice, id);
                            assertThat(inUs.statusCode()).as(inUs.body()).isEqualTo(200);
                            JsonNode order = SagaFixture.json(inUs.body());
                            assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
                            assertThat(order.get("homeRegion").asText()).isEqualTo(EU);
                        });
        assertThat(world.in(US).sagasOf(Set.of(id)))
                .as("the saga runs in the home region only")
                .isEmpty();
    }

    @Test
    void anotherRegion_refusesToCancelAnOrder_orChangeACentersStock_namingTheHomeRegion() {
        SagaFixture eu = world.in(EU);
        String sku = eu.product(APPROVED);
        String center = eu.homedCenter(EU, 10);
        eu.stock(sku, center, 5);
        String bob = eu.token("bob-" + world.customers);
        String id = eu.placeOrder(bob, Map.of(sku, 1));
        eu.awaitStatus(bob, id, Set.of("SHIPPED"));
        world.awaitItem(US, "DataOrders", SagaFixture.orderKey(id));
        world.awaitCatalog(US, sku, center);

        HttpResponse<String> cancel = world.in(US).cancel(bob, id);
        HttpResponse<String> adjust = world.adjustStock(US, sku, center, 10);

        for (HttpResponse<String> refused : List.of(cancel, adjust)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
            JsonNode problem = SagaFixture.json(refused.body());
            assertThat(problem.get("type").asText()).endsWith("/homed-in-another-region");
            assertThat(problem.get("homeRegion").asText()).isEqualTo(EU);
        }
        assertThat(eu.statusInTable(id)).isEqualTo("SHIPPED");
        assertThat(eu.stockOf(sku, center)).containsExactly(4, 0);
    }

    @Test
    void concurrentWritesToOneItemInBothRegions_convergeToOneWriterEverywhere() throws Exception {
        String sku = world.in(EU).product(APPROVED);
        world.awaitCatalog(US, sku);
        String table = world.in(EU).table("DataProducts");
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (DynamoDbClient eu = Clients.dynamo(world.regions.edgeEndpoint(EU));
                DynamoDbClient us = Clients.dynamo(world.regions.edgeEndpoint(US))) {
            for (int round = 0; round < 20; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writes = new ArrayList<>();
                for (var writer :
                        List.of(Map.entry(eu, "written in EU"), Map.entry(us, "written in US"))) {
                    String name = writer.getValue() + " #" + round;
                    writes.add(
                            writers.submit(
                                    () -> {
                                        start.await();
                                        writer.getKey()
                                                .updateItem(
                                                        r ->
                                                                r.tableName(table)
                                                                        .key(
                                                                                Map.of(
                                                                                        "sku",
                                                                                        SagaFixture
                                                                                                .s(
                                                                                                        sku)))
                                                                        .updateExpression(
                                                                                "SET #n = :n")
                                                                        .expressionAttributeNames(
                                                                                Map.of(
                                                                                        "#n",
                                                                                        "name"))
                                                                        .expressionAttributeValues(
                                                                                Map.of(
                                                                                        ":n",
                                                                                        SagaFixture
                                                                                                .s(
                                                                                                        name))));
                                        return null;
                                    }));
                }
                start.countDown();
                for (Future<?> write : writes) {
                    write.get();
                }
                int finalRound = round;
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(
                                () -> {
                                    String inEu = nameOf(eu, table, sku);
                                    assertThat(nameOf(us, table, sku)).isEqualTo(inEu);
                                    assertThat(inEu).endsWith(" #" + finalRound);
                                });
            }
        } finally {
            writers.shutdown();
        }
    }

    /**
     * A product with 15 units at a center homed in each region, and 90 orders for it, half placed
     * in each region at once: each region sells exactly its own 15 units, so exactly 30 ship and
     * the rest are rejected for stock, and no center is oversold.
     */
    @Test
    void aRaceForTheLastUnits_splitOverBothRegions_sellsExactlyTheStock() throws Exception {
        SagaFixture eu = world.in(EU);
        SagaFixture us = world.in(US);
        String sku = eu.product(APPROVED);
        String euCenter = eu.homedCenter(EU, 10);
        String usCenter = eu.homedCenter(US, 10);
        world.awaitCatalog(US, sku, euCenter, usCenter);
        eu.stock(sku, euCenter, 15);
        us.stock(sku, usCenter, 15);
        String body = eu.orderBody(Map.of(sku, 1));

        ExecutorService regions = Executors.newFixedThreadPool(2);
        Map<String, List<String>> placed = new HashMap<>();
        try {
            Future<List<String>> inEu =
                    regions.submit(
                            () ->
                                    eu.placeAll(
                                            45, 16, body, i -> "eu-" + (i % 16) + world.customers));
            Future<List<String>> inUs =
                    regions.submit(
                            () ->
                                    us.placeAll(
                                            45, 16, body, i -> "us-" + (i % 16) + world.customers));
            placed.put(EU, inEu.get());
            placed.put(US, inUs.get());
        } finally {
            regions.shutdown();
        }
        Map<String, String> euEnded = eu.awaitAllEnded(placed.get(EU), Duration.ofMinutes(5));
        Map<String, String> usEnded = us.awaitAllEnded(placed.get(US), Duration.ofMinutes(5));

        assertThat(SagaFixture.countByStatus(euEnded))
                .containsExactlyInAnyOrderEntriesOf(Map.of("SHIPPED", 15L, "REJECTED", 30L));
        assertThat(SagaFixture.countByStatus(usEnded))
                .containsExactlyInAnyOrderEntriesOf(Map.of("SHIPPED", 15L, "REJECTED", 30L));
        for (var ended : List.of(Map.entry(eu, euEnded), Map.entry(us, usEnded))) {
            ended.getValue()
                    .forEach(
                            (id, status) -> {
                                if (status.equals("REJECTED")) {
                                    assertThat(ended.getKey().reasonInTable(id))
                                            .startsWith("not enough stock for " + sku);
                                }
                            });
        }
        assertThat(eu.stockOf(sku, euCenter)).containsExactly(0, 0);
        assertThat(us.stockOf(sku, usCenter)).containsExactly(0, 0);
    }

    private static String nameOf(DynamoDbClient client, String table, String sku) {
        Map<String, AttributeValue> item =
                client.getItem(r -> r.tableName(table).key(Map.of("sku", SagaFixture.s(sku))))
                        .item();
        return item.get("name").s();
    }
}
