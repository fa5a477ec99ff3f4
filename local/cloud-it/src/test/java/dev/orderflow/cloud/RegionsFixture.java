package dev.orderflow.cloud;

import static org.awaitility.Awaitility.await;

import dev.orderflow.dynamodb.GlobalTables;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two regions of the real template in one JVM ({@code up --regions eu-central-1,us-east-1}), and
 * one store seen from each: the same shoppers (one token works in both), each region's own centers
 * and stock. What docs/multi-region.md promises is tested through it.
 */
final class RegionsFixture implements AutoCloseable {

    static final String EU = "eu-central-1";
    static final String US = "us-east-1";

    /** Short, so tests are quick; long enough that "not yet replicated" is a real state. */
    static final Duration LAG = Duration.ofMillis(300);

    /** A price whose last two digits let the simulated provider approve. */
    static final long APPROVED = 1000;

    final LocalRegions regions;

    /** The delivery region (<country>-<region>) the test's shoppers and centers share. */
    final String customers = SagaFixture.newRegion();

    /** eu-central-1 and us-east-1, stock in each region's own Inventory table. */
    RegionsFixture() {
        this(List.of(EU, US), GlobalTables.Consistency.EVENTUAL);
    }

    /** {@code up --regions <names> --stock-consistency <stock>}. */
    RegionsFixture(List<String> names, GlobalTables.Consistency stock) {
        regions =
                LocalRegions.builder()
                        .template(SharedCloud.template())
                        .functionCode(SharedCloud.handlerJar())
                        .regions(names)
                        .edgePort(0)
                        .gatewayPort(0)
                        .replicationLag(LAG)
                        .stockConsistency(stock)
                        .stageThrottle(false)
                        .start();
    }

    /** The store as one region serves it (a new view after the region came back up). */
    SagaFixture in(String region) {
        return new SagaFixture(regions.region(region), customers);
    }

    /** Waits until an item written elsewhere has replicated to {@code region}'s table. */
    void awaitItem(String region, String tableLogicalId, Map<String, AttributeValue> key) {
        SagaFixture view = in(region);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                view.dynamo
                                        .getItem(
                                                r ->
                                                        r.tableName(view.table(tableLogicalId))
                                                                .key(key))
                                        .hasItem());
    }

    /** Waits until a product and the centers written in one region are in {@code region} too. */
    void awaitCatalog(String region, String sku, String... centers) {
        awaitItem(region, "DataProducts", Map.of("sku", SagaFixture.s(sku)));
        for (String center : centers) {
            awaitItem(region, "DataFulfillmentCenters", Map.of("centerId", SagaFixture.s(center)));
        }
    }

    /** GET /orders/{id} in {@code region}, as the owner. */
    HttpResponse<String> read(String region, String token, String orderId) {
        SagaFixture view = in(region);
        return view.send(view.at("/orders/" + orderId).GET(), token);
    }

    /** Adds units at a center through the admin API of {@code region}. */
    HttpResponse<String> adjustStock(String region, String sku, String center, int delta) {
        SagaFixture view = in(region);
        String admin =
                regions.token(
                        "ops",
                        List.of("orderflow/admin"),
                        List.of("admins"),
                        Duration.ofMinutes(15));
        return view.send(
                view.at("/admin/stock/" + sku + "/" + center + "/adjustments")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"delta\":" + delta + "}")),
                admin);
    }

    @Override
    public void close() {
        regions.close();
    }
}
