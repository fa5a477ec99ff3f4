package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.inventory.StockLevel;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reservations through the real SDK against the project's DynamoDB engine. */
@ParameterizedClass
@EnumSource(StockConsistency.class)
class DynamoStockReservationsIT {

    /** Transactions, or one conditional write per row (an MRSC table). */
    @Parameter StockConsistency consistency;

    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId BER = new CenterId("FC-BER");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private String inventory;
    private String orders;
    private StockReservations reservations;
    private DynamoStockLevels levels;

    @BeforeEach
    void tables() {
        inventory = LocalDynamo.createTable("inventory", "sku", "centerId");
        orders = LocalDynamo.createTable("orders", "pk", "sk");
        reservations = StockModes.reservations(consistency, dynamo, inventory, orders);
        levels = new DynamoStockLevels(dynamo, inventory);
    }

    private void stock(String sku, CenterId center, int available) {
        dynamo.putItem(
                p ->
                        p.tableName(inventory)
                                .item(
                                        Map.of(
                                                "sku", AttributeValue.fromS(sku),
                                                "centerId", AttributeValue.fromS(center.value()),
                                                "available",
                                                        AttributeValue.fromN(
                                                                Integer.toString(available)),
                                                "reserved", AttributeValue.fromN("0"))));
    }

    private Map<String, AttributeValue> row(String sku, CenterId center) {
        return dynamo.getItem(
                        g ->
                                g.tableName(inventory)
                                        .consistentRead(true)
                                        .key(
                                                Map.of(
                                                        "sku",
                                                        AttributeValue.fromS(sku),
                                                        "centerId",
                                                        AttributeValue.fromS(center.value()))))
                .item();
    }

    private int available(String sku, CenterId center) {
        return Integer.parseInt(row(sku, center).get("available").n());
    }

    private static Allocation allocation(Object... centerSkuQty) {
        List<Shipment> shipments = new ArrayList<>();
        for (int i = 0; i < centerSkuQty.length; i += 3) {
            shipments.add(
                    new Shipment(
                            (CenterId) centerSkuQty[i],
                            List.of(
                                    new OrderLine(
                                            new Sku((String) centerSkuQty[i + 1]),
                                            (Integer) centerSkuQty[i + 2]))));
        }
        return new Allocation(shipments);
    }

    @Test
    void reserve_movesUnitsFromAvailableToReserved_andReleaseGivesThemBack() {
        stock("MUG", MUC, 5);
        stock("MUG", BER, 5);
        OrderId order = OrderId.random();

        reservations.reserve(order, ShardZero.of(allocation(MUC, "MUG", 3, BER, "MUG", 2)));

        assertThat(available("MUG", MUC)).isEqualTo(2);
        assertThat(row("MUG", MUC).get("reserved").n()).isEqualTo("3");
        assertThat(available("MUG", BER)).isEqualTo(3);

        reservations.release(order);

        assertThat(available("MUG", MUC)).isEqualTo(5);
        assertThat(row("MUG", MUC).get("reserved").n()).isEqualTo("0");
        assertThat(available("MUG", BER)).isEqualTo(5);
    }

    @Test
    void commit_takesShippedUnitsOutOfReserved_forGood_soALaterReleaseReturnsNothing() {
        stock("MUG", MUC, 5);
        OrderId order = OrderId.random();
        reservations.reserve(order, ShardZero.of(allocation(MUC, "MUG", 3)));

        reservations.commit(order);
        reservations.commit(order);
        reservations.release(order);

        assertThat(available("MUG", MUC)).isEqualTo(2);
        assertThat(row("MUG", MUC).get("reserved").n()).isEqualTo("0");
    }

    @Test
    void reserveAndRelease_areIdempotentPerOrder() {
        stock("MUG", MUC, 5);
        OrderId order = OrderId.random();

        reservations.reserve(order, ShardZero.of(allocation(MUC, "MUG", 2)));
        reservations.reserve(order, ShardZero.of(allocation(MUC, "MUG", 2)));
        assertThat(available("MUG", MUC)).isEqualTo(3);

        reservations.release(order);
        reservations.release(order);
        assertThat(available("MUG", MUC)).isEqualTo(5);
    }

    @Test
    void anOverlappingSecondReserve_withAnotherAllocation_getsTheRecordedOneBack_andTakesNothing() {
        stock("MUG", MUC, 5);
        stock("MUG", BER, 5);
        OrderId order = OrderId.random();
        Allocation first = allocation(MUC, "MUG", 2);

        assertThat(reservations.reserve(order, ShardZero.of(first))).isEqualTo(first);
        // A retried step that read stock after the first one had reserved: it allocates elsewhere.
        assertThat(reservations.reserve(order, ShardZero.of(allocation(BER, "MUG", 2))))
                .isEqualTo(first);

        assertThat(available("MUG", MUC)).isEqualTo(3);
        assertThat(available("MUG", BER)).isEqualTo(5);
        reservations.release(order);
        assertThat(available("MUG", MUC)).isEqualTo(5);
        assertThat(available("MUG", BER)).isEqualTo(5);
    }

    @Test
    void reserve_isAllOrNothing_andNamesWhatFellShort() {
        stock("MUG", MUC, 5);
        stock("TEA", MUC, 1);

        assertThatThrownBy(
                        () ->
                                reservations.reserve(
                                        OrderId.random(),
                                        ShardZero.of(
                                                new Allocation(
                                                        List.of(
                                                                new Shipment(
                                                                        MUC,
                                                                        List.of(
                                                                                new OrderLine(
                                                                                        new Sku(
                                                                                                "MUG"),
                                                                                        2),
                                                                                new OrderLine(
                                                                                        new Sku(
                                                                                                "TEA"),
                                                                                        3),
                                                                                new OrderLine(
                                                                                        new Sku(
                                                                                                "PEN"),
                                                                                        1))))))))
                .isInstanceOf(InsufficientStock.class)
                .satisfies(
                        e ->
                                assertThat(((InsufficientStock) e).shortfalls())
                                        .containsExactlyInAnyOrder(
                                                new InsufficientStock.Shortfall("TEA", 3, 1),
                                                new InsufficientStock.Shortfall("PEN", 1, 0)));

        assertThat(available("MUG", MUC)).isEqualTo(5);
        assertThat(available("TEA", MUC)).isEqualTo(1);
    }

    @Test
    void release_ofAnOrderThatNeverReserved_changesNothing() {
        stock("MUG", MUC, 5);

        reservations.release(OrderId.random());

        assertThat(available("MUG", MUC)).isEqualTo(5);
    }

    @Test
    void levelsOf_listsEveryCenterHoldingTheProducts() {
        stock("MUG", MUC, 5);
        stock("MUG", BER, 0);
        stock("TEA", BER, 7);

        assertThat(levels.levelsOf(Set.of(new Sku("MUG"), new Sku("PEN"))))
                .containsExactlyInAnyOrder(
                        new StockLevel(new Sku("MUG"), BER, 0),
                        new StockLevel(new Sku("MUG"), MUC, 5));
    }

    /** The race: 200 orders, 50 units. Exactly 50 succeed; stock never goes negative. */
    @Test
    void reserve_sellsEachUnitExactlyOnce_under200ConcurrentOrdersForTheLast50() throws Exception {
        stock("LAST", MUC, 50);
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(
                    pool.submit(
                            () -> {
                                OrderId order = OrderId.random();
                                // A conflicting in-flight transaction is transient: the saga
                                // retries it.
                                for (int attempt = 0; attempt < 50; attempt++) {
                                    try {
                                        reservations.reserve(
                                                order, ShardZero.of(allocation(MUC, "LAST", 1)));
                                        sold.incrementAndGet();
                                        return;
                                    } catch (InsufficientStock e) {
                                        refused.incrementAndGet();
                                        return;
                                    } catch (DependencyUnavailable e) {
                                        Thread.onSpinWait();
                                    }
                                }
                                throw new AssertionError("order " + order + " kept conflicting");
                            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(sold.get()).isEqualTo(50);
        assertThat(refused.get()).isEqualTo(150);
        assertThat(available("LAST", MUC)).isZero();
        assertThat(row("LAST", MUC).get("reserved").n()).isEqualTo("50");
    }
}
