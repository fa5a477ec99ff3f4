package dev.orderflow.cloud;

import static dev.orderflow.cloud.RegionsFixture.APPROVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.dynamodb.GlobalTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code up --regions a,b,c --stock-consistency strong} (docs/multi-region.md, part 5): Inventory
 * replicates with strong consistency (a write is in every region when it is acknowledged), every
 * function runs with {@code STOCK_CONSISTENCY=strong}, and every region sells every center's units
 * without transactions and without overselling.
 */
class StrongStockRegionsIT {

    private static final String EU = "eu-central-1";
    private static final List<String> REGIONS = List.of(EU, "eu-west-1", "eu-west-2");

    private static RegionsFixture world;

    @BeforeAll
    static void boot() {
        world = new RegionsFixture(REGIONS, GlobalTables.Consistency.STRONG);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void strongStock_replicatesInventorySynchronously_andTellsTheFunctions() {
        LocalRegions regions = world.regions;
        String inventory = regions.region(EU).physicalId("DataInventory").orElseThrow();
        assertThat(regions.replicatedTables())
                .containsEntry(inventory, GlobalTables.Consistency.STRONG)
                .containsValue(GlobalTables.Consistency.EVENTUAL);
        Map<String, AttributeValue> key =
                Map.of(
                        "sku", AttributeValue.fromS("STRONG-1"),
                        "centerId", AttributeValue.fromS("FC-MUC"));
        Map<String, AttributeValue> row = new HashMap<>(key);
        row.put("available", AttributeValue.fromN("5"));
        try (DynamoDbClient eu = Clients.dynamo(regions.edgeEndpoint(EU));
                DynamoDbClient other = Clients.dynamo(regions.edgeEndpoint(REGIONS.get(2)))) {
            eu.putItem(r -> r.tableName(inventory).item(row));

            // no wait: MRSC applies the write in every region before it returns
            assertThat(
                            other.getItem(r -> r.tableName(inventory).key(key).consistentRead(true))
                                    .item())
                    .containsEntry("available", AttributeValue.fromN("5"));
        }
        try (LambdaClient lambda = Clients.lambda(regions.edgeEndpoint(REGIONS.get(1)))) {
            String function =
                    regions.region(REGIONS.get(1)).physicalId("HealthFunction").orElseThrow();
            assertThat(
                            lambda.getFunction(r -> r.functionName(function))
                                    .configuration()
                                    .environment()
                                    .variables())
                    .containsEntry("STOCK_CONSISTENCY", "strong");
        }
    }

    /**
     * One center's 12 units, homed in eu-central-1, and 20 orders placed in each of the three
     * regions at once: every region's saga may take the center's units, and exactly 12 ship.
     */
    @Test
    void everyRegionSellsOneCentersUnits_andExactlyTheStockShips() throws Exception {
        SagaFixture eu = world.in(EU);
        String sku = eu.product(APPROVED);
        String center = eu.homedCenter(EU, 10);
        for (String region : REGIONS.subList(1, 3)) {
            world.awaitCatalog(region, sku, center);
        }
        eu.stock(sku, center, 12);
        String body = eu.orderBody(Map.of(sku, 1));

        ExecutorService shoppers = Executors.newFixedThreadPool(REGIONS.size());
        Map<String, Future<List<String>>> placing = new HashMap<>();
        for (String region : REGIONS) {
            SagaFixture view = world.in(region);
            placing.put(
                    region,
                    shoppers.submit(
                            () ->
                                    view.placeAll(
                                            20,
                                            8,
                                            body,
                                            i -> region + "-" + (i % 8) + world.customers)));
        }
        List<String> statuses = new ArrayList<>();
        try {
            for (String region : REGIONS) {
                statuses.addAll(
                        world.in(region)
                                .awaitAllEnded(placing.get(region).get(), Duration.ofMinutes(5))
                                .values());
            }
        } finally {
            shoppers.shutdown();
        }

        assertThat(statuses.stream().filter("SHIPPED"::equals).count()).isEqualTo(12);
        assertThat(statuses.stream().filter("REJECTED"::equals).count()).isEqualTo(48);
        for (String region : REGIONS) {
            assertThat(world.in(region).stockOf(sku, center))
                    .as("the center's stock seen from %s", region)
                    .containsExactly(0, 0);
        }
    }
}
