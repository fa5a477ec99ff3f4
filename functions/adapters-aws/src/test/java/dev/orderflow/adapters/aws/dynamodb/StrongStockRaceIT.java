package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import dev.orderflow.dynamodb.DynamoDbServer;
import dev.orderflow.dynamodb.GlobalTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Buyers in three regions race for the last units of an inventory table made multi-Region strongly
 * consistent ({@link GlobalTables}, STRONG) across three engines, each region's buyers through its
 * own endpoint and its own {@link LineByLineStockReservations}, as the functions of three regions
 * would under {@code STOCK_CONSISTENCY=strong}.
 */
class StrongStockRaceIT {

    private static final List<String> REGIONS = List.of("eu-west-1", "eu-west-2", "eu-west-3");
    private static final CenterId CENTER = new CenterId("FC-DUB");

    /** Sorts before the scarce product, so a buyer who misses it has a line to undo. */
    private static final String PLENTY = "A-PLENTY";

    private static final String SCARCE = "Z-LAST";
    private static final int UNITS = 30;
    private static final int BUYERS = 120;

    private final List<DynamoDbServer> servers = new ArrayList<>();
    private final List<DynamoDbClient> clients = new ArrayList<>();
    private final List<LineByLineStockReservations> reservations = new ArrayList<>();
    private GlobalTables global;

    @BeforeEach
    void threeRegions() {
        global = new GlobalTables(Duration.ZERO);
        String inventory = "inventory-race";
        String orders = "orders-race";
        for (String region : REGIONS) {
            DynamoDbServer server = DynamoDbServer.builder().port(0).start();
            servers.add(server);
            DynamoDbClient client = client(server, region);
            clients.add(client);
            create(client, inventory, "sku", "centerId");
            // Each order is homed in the region that reserves it: only there is its record written.
            create(client, orders, "pk", "sk");
            global.attach(region, server.engine());
            reservations.add(new LineByLineStockReservations(client, inventory, orders));
        }
        global.replicate(inventory, GlobalTables.Consistency.STRONG);
        put(clients.get(0), PLENTY, 1000);
        put(clients.get(1), SCARCE, UNITS);
    }

    @AfterEach
    void close() {
        global.close();
        clients.forEach(DynamoDbClient::close);
        servers.forEach(DynamoDbServer::close);
    }

    @Test
    void exactlyTheStockIsSold_noneOversold_andReleasesLeaveNothingReserved() throws Exception {
        Queue<Sold> sold = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            int region = i % REGIONS.size();
            buyers.add(
                    pool.submit(
                            () -> {
                                OrderId order = OrderId.random();
                                // DependencyUnavailable (conflicts beyond the adapter's retries)
                                // is what the saga's Retry retries.
                                for (int attempt = 0; attempt < 50; attempt++) {
                                    try {
                                        reservations
                                                .get(region)
                                                .reserve(order, ShardZero.of(onePlusOne()));
                                        sold.add(new Sold(region, order));
                                        return;
                                    } catch (InsufficientStock e) {
                                        refused.incrementAndGet();
                                        return;
                                    } catch (DependencyUnavailable e) {
                                        Thread.onSpinWait();
                                    }
                                }
                                throw new AssertionError(order + " kept conflicting");
                            }));
        }
        for (Future<?> buyer : buyers) {
            buyer.get(120, TimeUnit.SECONDS);
        }

        assertThat(sold).hasSize(UNITS);
        assertThat(refused.get()).isEqualTo(BUYERS - UNITS);
        for (DynamoDbClient client : clients) {
            assertThat(row(client, SCARCE))
                    .containsEntry("available", n(0))
                    .containsEntry("reserved", n(UNITS));
            assertThat(row(client, PLENTY))
                    .containsEntry("available", n(1000 - UNITS))
                    .containsEntry("reserved", n(UNITS));
        }
        long conflicts =
                reservations.stream()
                        .mapToLong(LineByLineStockReservations::replicatedWriteConflicts)
                        .sum();
        assertThat(conflicts).as("replicated write conflicts met and retried").isPositive();

        List<Future<?>> releases = new ArrayList<>();
        for (Sold s : sold) {
            releases.add(pool.submit(() -> release(s)));
        }
        for (Future<?> release : releases) {
            release.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (DynamoDbClient client : clients) {
            assertThat(row(client, SCARCE))
                    .containsEntry("available", n(UNITS))
                    .containsEntry("reserved", n(0));
            assertThat(row(client, PLENTY))
                    .containsEntry("available", n(1000))
                    .containsEntry("reserved", n(0));
            assertThat(row(client, SCARCE).keySet()).noneMatch(a -> a.startsWith("hold:"));
            assertThat(row(client, PLENTY).keySet()).noneMatch(a -> a.startsWith("hold:"));
        }
    }

    private record Sold(int region, OrderId order) {}

    /** Releases in the order's home region, retried as the saga would on a conflict. */
    private void release(Sold s) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                reservations.get(s.region()).release(s.order());
                return;
            } catch (DependencyUnavailable e) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError(s.order() + " kept conflicting on release");
    }

    private static Allocation onePlusOne() {
        return new Allocation(
                List.of(
                        new Shipment(
                                CENTER,
                                List.of(
                                        new OrderLine(new Sku(PLENTY), 1),
                                        new OrderLine(new Sku(SCARCE), 1)))));
    }

    /**
     * Without the SDK's own retries: the SDK retries a ReplicatedWriteConflictException (it is
     * modelled retryable) before the adapter sees it, which would hide the adapter's retries.
     */
    private static DynamoDbClient client(DynamoDbServer server, String region) {
        return DynamoDbClient.builder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .endpointOverride(server.endpoint())
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    // the SDK's Consumer<Builder>... overloads: a lambda varargs array is unchecked by nature
    @SuppressWarnings("unchecked")
    private static void create(DynamoDbClient client, String name, String pk, String sk) {
        client.createTable(
                t ->
                        t.tableName(name)
                                .billingMode("PAY_PER_REQUEST")
                                .attributeDefinitions(
                                        a -> a.attributeName(pk).attributeType("S"),
                                        a -> a.attributeName(sk).attributeType("S"))
                                .keySchema(
                                        k -> k.attributeName(pk).keyType("HASH"),
                                        k -> k.attributeName(sk).keyType("RANGE")));
    }

    private static void put(DynamoDbClient client, String sku, int available) {
        client.putItem(
                p ->
                        p.tableName("inventory-race")
                                .item(
                                        Map.of(
                                                "sku", AttributeValue.fromS(sku),
                                                "centerId", AttributeValue.fromS(CENTER.value()),
                                                "available", n(available),
                                                "reserved", n(0))));
    }

    private static Map<String, AttributeValue> row(DynamoDbClient client, String sku) {
        return client.getItem(
                        g ->
                                g.tableName("inventory-race")
                                        .consistentRead(true)
                                        .key(InventoryLayout.key(sku, CENTER.value(), 0)))
                .item();
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
