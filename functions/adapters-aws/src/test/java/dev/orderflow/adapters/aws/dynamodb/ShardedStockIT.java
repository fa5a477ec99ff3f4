package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.Allocator;
import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.inventory.ReservedUnits;
import dev.orderflow.domain.inventory.StockLevel;
import dev.orderflow.domain.inventory.StockPosition;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A hot product's stock over several shards, through the real SDK against the project's engine. */
@ParameterizedClass
@EnumSource(StockConsistency.class)
class ShardedStockIT {

    /** Transactions, or one conditional write per row (an MRSC table). */
    @Parameter StockConsistency consistency;

    private static final Sku MUG = new Sku("MUG-BLUE");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId BER = new CenterId("FC-BER");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private String inventory;
    private DynamoStockLedger ledger;
    private StockReservations reservations;
    private DynamoStockLevels levels;

    @BeforeEach
    void tables() {
        inventory = LocalDynamo.createTable("inventory", "sku", "centerId");
        ledger = new DynamoStockLedger(dynamo, inventory, consistency);
        reservations =
                StockModes.reservations(
                        consistency,
                        dynamo,
                        inventory,
                        LocalDynamo.createTable("orders", "pk", "sk"));
        levels = new DynamoStockLevels(dynamo, inventory);
    }

    /** The available units of each shard row at the center, as stored. */
    private List<Integer> shardRows(CenterId center, int span) {
        List<Integer> rows = new ArrayList<>();
        for (int shard = 0; shard < span; shard++) {
            Map<String, AttributeValue> key =
                    InventoryLayout.key(MUG.value(), center.value(), shard);
            Map<String, AttributeValue> item =
                    dynamo.getItem(g -> g.tableName(inventory).consistentRead(true).key(key))
                            .item();
            rows.add(item.isEmpty() ? 0 : Integer.parseInt(item.get("available").n()));
        }
        return rows;
    }

    private List<Integer> levelShards(CenterId center) {
        return levels.levelsOf(Set.of(MUG)).stream()
                .filter(l -> l.center().equals(center))
                .findFirst()
                .map(StockLevel::shards)
                .orElseThrow();
    }

    private static Reservation units(ReservedUnits... units) {
        return Reservation.of(List.of(units));
    }

    @Test
    void reshard_spreadsTheUnitsOverShardRowsOfTheirOwn_andTheSumsStay() {
        ledger.adjust(MUG, MUC, 10);
        ledger.adjust(MUG, BER, 3);

        List<StockPosition> after = ledger.reshard(MUG, 4);

        assertThat(after)
                .containsExactly(
                        new StockPosition(MUG, BER, 3, 0), new StockPosition(MUG, MUC, 10, 0));
        assertThat(ledger.shardCount(MUG)).isEqualTo(4);
        assertThat(shardRows(MUC, 4)).containsExactly(3, 3, 2, 2);
        assertThat(shardRows(BER, 4)).containsExactly(1, 1, 1, 0);
        assertThat(levelShards(MUC)).containsExactly(3, 3, 2, 2);
        assertThat(
                        dynamo.getItem(
                                        g ->
                                                g.tableName(inventory)
                                                        .key(
                                                                InventoryLayout.key(
                                                                        "MUG-BLUE#3", "FC-MUC", 0)))
                                .hasItem())
                .as("shard 3 is the partition key MUG-BLUE#3")
                .isTrue();
    }

    @Test
    void reservedUnits_settleInTheShardTheyCameFrom() {
        ledger.adjust(MUG, MUC, 8);
        ledger.reshard(MUG, 4);
        OrderId released = OrderId.random();
        OrderId shipped = OrderId.random();

        Allocation held =
                reservations.reserve(
                        released,
                        units(
                                new ReservedUnits(MUG, MUC, 2, 2),
                                new ReservedUnits(MUG, MUC, 3, 1)));
        reservations.reserve(shipped, units(new ReservedUnits(MUG, MUC, 1, 2)));

        assertThat(held)
                .isEqualTo(
                        new Allocation(List.of(new Shipment(MUC, List.of(new OrderLine(MUG, 3))))));
        assertThat(shardRows(MUC, 4)).containsExactly(2, 0, 0, 1);
        assertThat(ledger.positionsOf(MUG)).containsExactly(new StockPosition(MUG, MUC, 3, 5));

        reservations.release(released);
        reservations.commit(shipped);

        assertThat(shardRows(MUC, 4)).containsExactly(2, 0, 2, 2);
        assertThat(ledger.positionsOf(MUG)).containsExactly(new StockPosition(MUG, MUC, 6, 0));
    }

    @Test
    void aReservationOfAShardThatRanShort_isRefused_andTakesNothing() {
        ledger.adjust(MUG, MUC, 4);
        ledger.reshard(MUG, 2);

        assertThatThrownBy(
                        () ->
                                reservations.reserve(
                                        OrderId.random(),
                                        units(
                                                new ReservedUnits(MUG, MUC, 0, 1),
                                                new ReservedUnits(MUG, MUC, 1, 3))))
                .isInstanceOf(InsufficientStock.class);
        assertThat(shardRows(MUC, 2)).containsExactly(2, 2);
    }

    @Test
    void adjust_spreadsAnAdditionOverTheShards_andTakesARemovalFromThoseHoldingUnits() {
        ledger.reshard(MUG, 4);

        assertThat(ledger.adjust(MUG, MUC, 6)).isEqualTo(new StockPosition(MUG, MUC, 6, 0));
        assertThat(shardRows(MUC, 4)).containsExactly(2, 2, 1, 1);
        assertThat(ledger.adjust(MUG, MUC, -5)).isEqualTo(new StockPosition(MUG, MUC, 1, 0));
        assertThat(shardRows(MUC, 4)).containsExactly(0, 0, 0, 1);
        assertThatThrownBy(() -> ledger.adjust(MUG, MUC, -2))
                .isInstanceOfSatisfying(
                        InsufficientStock.class,
                        e ->
                                assertThat(e.shortfalls())
                                        .containsExactly(
                                                new InsufficientStock.Shortfall("MUG-BLUE", 2, 1)));
    }

    @Test
    void loweringTheCount_movesUnitsOutOfTheRetiredShards_andStopsReadingThemOnceEmpty() {
        ledger.adjust(MUG, MUC, 8);
        ledger.reshard(MUG, 4);
        OrderId order = OrderId.random();
        reservations.reserve(order, units(new ReservedUnits(MUG, MUC, 3, 1)));

        ledger.reshard(MUG, 2);

        // Shard 3 still holds a reservation: it stays read, and the release lands there.
        assertThat(shardRows(MUC, 4)).containsExactly(4, 3, 0, 0);
        assertThat(levelShards(MUC)).containsExactly(4, 3, 0, 0);
        reservations.release(order);
        assertThat(levelShards(MUC)).containsExactly(4, 3, 0, 1);
        assertThat(ledger.positionsOf(MUG)).containsExactly(new StockPosition(MUG, MUC, 8, 0));

        ledger.reshard(MUG, 2);

        assertThat(levelShards(MUC)).containsExactly(4, 4);
        assertThat(ledger.positionsOf(MUG)).containsExactly(new StockPosition(MUG, MUC, 8, 0));
    }

    @Test
    void recentLevels_ofAShardedProduct_areACopyUpToASecondOld_andOthersAreAlwaysRead() {
        MutableClock clock = new MutableClock();
        DynamoStockLevels recent = new DynamoStockLevels(dynamo, inventory, clock);
        Sku plain = new Sku("TEA-GREEN");
        ledger.adjust(plain, MUC, 1);
        ledger.adjust(MUG, MUC, 4);
        ledger.reshard(MUG, 2);
        assertThat(recent.recentLevelsOf(Set.of(MUG, plain))).hasSize(2);

        ledger.adjust(MUG, MUC, 2);
        ledger.adjust(plain, MUC, 1);
        clock.advance(Duration.ofMillis(900));

        assertThat(recent.recentLevelsOf(Set.of(MUG)))
                .containsExactly(new StockLevel(MUG, MUC, List.of(2, 2)));
        assertThat(recent.recentLevelsOf(Set.of(plain)))
                .containsExactly(new StockLevel(plain, MUC, 2));
        assertThat(recent.levelsOf(Set.of(MUG)))
                .containsExactly(new StockLevel(MUG, MUC, List.of(3, 3)));

        clock.advance(Duration.ofMillis(1_100));
        ledger.adjust(MUG, MUC, 2);

        assertThat(recent.recentLevelsOf(Set.of(MUG)))
                .containsExactly(new StockLevel(MUG, MUC, List.of(4, 4)));
    }

    /**
     * Buyers reserve one unit each on recent levels (random start shards, a fresh read after a
     * refusal) while an admin reshards the product back and forth: every unit is sold exactly once.
     */
    @Test
    void buyersRacingAReshard_sellEveryUnitExactlyOnce() throws Exception {
        int stock = 300;
        ledger.adjust(MUG, MUC, stock);
        ledger.reshard(MUG, 4);
        ConcurrentLinkedQueue<OrderId> sold = new ConcurrentLinkedQueue<>();
        List<FulfillmentCenter> munich =
                List.of(new FulfillmentCenter(MUC, "Munich", Map.of("DE-BY", 10)));
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Future<?>> buyers = new ArrayList<>();
        try {
            for (int b = 0; b < 8; b++) {
                Random random = new Random(b);
                buyers.add(pool.submit(() -> buyUntilSoldOut(random, munich, sold)));
            }
            Future<?> admin =
                    pool.submit(
                            () -> {
                                for (int shards : new int[] {16, 8, 3, 16, 1, 12}) {
                                    reshardDespiteContention(shards);
                                }
                            });
            admin.get(2, TimeUnit.MINUTES);
            for (Future<?> buyer : buyers) {
                buyer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sold).hasSize(stock);
        assertThat(ledger.positionsOf(MUG)).containsExactly(new StockPosition(MUG, MUC, 0, stock));
        sold.forEach(reservations::commit);
        assertThat(ledger.positionsOf(MUG)).containsExactly(new StockPosition(MUG, MUC, 0, 0));
    }

    /**
     * The flash sale of issue 18 at the adapter: 500 units over 16 shards at two centers, many
     * buyers of one unit each, allocated as the saga allocates (nearest center that holds the unit,
     * planned on recent levels, a fresh read after a refusal): exactly the units are sold.
     */
    @Test
    void sixteenShardsAtTwoCenters_sellExactlyTheirUnits_toRacingBuyers() throws Exception {
        ledger.adjust(MUG, MUC, 250);
        ledger.adjust(MUG, BER, 250);
        ledger.reshard(MUG, 16);
        List<FulfillmentCenter> centers =
                List.of(
                        new FulfillmentCenter(MUC, "Munich", Map.of("DE-BY", 10)),
                        new FulfillmentCenter(BER, "Berlin", Map.of("DE-BY", 400)));
        ConcurrentLinkedQueue<OrderId> sold = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> buyers = new ArrayList<>();
        try {
            for (int b = 0; b < 16; b++) {
                Random random = new Random(100 + b);
                buyers.add(pool.submit(() -> buyUntilSoldOut(random, centers, sold)));
            }
            for (Future<?> buyer : buyers) {
                buyer.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sold).hasSize(500);
        assertThat(ledger.positionsOf(MUG))
                .containsExactly(
                        new StockPosition(MUG, BER, 0, 250), new StockPosition(MUG, MUC, 0, 250));
        sold.forEach(reservations::commit);
        assertThat(ledger.positionsOf(MUG))
                .containsExactly(
                        new StockPosition(MUG, BER, 0, 0), new StockPosition(MUG, MUC, 0, 0));
    }

    private void buyUntilSoldOut(
            Random random, List<FulfillmentCenter> centers, ConcurrentLinkedQueue<OrderId> sold) {
        List<OrderLine> one = List.of(new OrderLine(MUG, 1));
        Allocator allocator = new Allocator();
        DynamoStockLevels mine = new DynamoStockLevels(dynamo, inventory);
        while (true) {
            OrderId order = OrderId.random();
            boolean fresh = false;
            for (int round = 0; ; round++) {
                List<StockLevel> now =
                        fresh ? mine.levelsOf(Set.of(MUG)) : mine.recentLevelsOf(Set.of(MUG));
                try {
                    Allocation allocation = allocator.allocate(one, "DE-BY", centers, now);
                    reservations.reserve(order, Reservation.plan(allocation, now, random));
                    sold.add(order);
                    break;
                } catch (InsufficientStock | DependencyUnavailable refused) {
                    if (fresh && now.stream().mapToInt(StockLevel::available).sum() == 0) {
                        return; // sold out, on a fresh read
                    }
                    fresh = true;
                    if (round > 50) {
                        throw new AssertionError("no unit after 50 fresh reads", refused);
                    }
                }
            }
        }
    }

    private void reshardDespiteContention(int shards) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                ledger.reshard(MUG, shards);
                return;
            } catch (DependencyUnavailable keptMoving) {
                // buyers kept taking the units being moved: the count is set, spread again
            }
        }
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
