package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.DependencyUnavailable;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.inventory.StockPosition;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

/** Stock adjustments through the real SDK against the project's engine, racing the saga. */
@ParameterizedClass
@EnumSource(StockConsistency.class)
class DynamoStockLedgerIT {

    /** Transactions, or one conditional write per row (an MRSC table). */
    @Parameter StockConsistency consistency;

    private static final Sku MUG = new Sku("MUG-BLUE");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId BER = new CenterId("FC-BER");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private String inventory;
    private DynamoStockLedger ledger;
    private StockReservations reservations;

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
    }

    @Test
    void adjust_createsAMissingRowAtZero_thenAddsAndRemoves() {
        assertThat(ledger.adjust(MUG, MUC, 10)).isEqualTo(new StockPosition(MUG, MUC, 10, 0));
        assertThat(ledger.adjust(MUG, MUC, -4)).isEqualTo(new StockPosition(MUG, MUC, 6, 0));
        ledger.adjust(MUG, BER, 2);

        assertThat(ledger.positionsOf(MUG))
                .containsExactly(
                        new StockPosition(MUG, BER, 2, 0), new StockPosition(MUG, MUC, 6, 0));
        assertThat(ledger.positionsOf(new Sku("TEA"))).isEmpty();
    }

    @Test
    void adjust_refusesToGoNegative_namingWhatIsAvailable_andChangesNothing() {
        ledger.adjust(MUG, MUC, 3);

        assertThatThrownBy(() -> ledger.adjust(MUG, MUC, -5))
                .isInstanceOfSatisfying(
                        InsufficientStock.class,
                        e ->
                                assertThat(e.shortfalls())
                                        .containsExactly(
                                                new InsufficientStock.Shortfall("MUG-BLUE", 5, 3)));
        assertThatThrownBy(() -> ledger.adjust(MUG, BER, -1)).isInstanceOf(InsufficientStock.class);
        assertThat(ledger.positionsOf(MUG)).containsExactly(new StockPosition(MUG, MUC, 3, 0));
    }

    @Test
    void adjust_refusesToOverflowTheCount() {
        ledger.adjust(MUG, MUC, Integer.MAX_VALUE - 1);

        assertThatThrownBy(() -> ledger.adjust(MUG, MUC, 2))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("delta"));
        assertThat(ledger.adjust(MUG, MUC, 1).available()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void adjust_keepsTheReservationsTheSagaMade() {
        ledger.adjust(MUG, MUC, 5);
        reservations.reserve(OrderId.random(), ShardZero.of(allocation(2)));

        assertThat(ledger.adjust(MUG, MUC, 10)).isEqualTo(new StockPosition(MUG, MUC, 13, 2));
    }

    @Test
    void adjustmentsAndReservations_racingOnOneRow_loseNoUnitAndNeverGoNegative() throws Exception {
        ledger.adjust(MUG, MUC, 20);
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            work.add(
                    () ->
                            succeeded(
                                    () ->
                                            reservations.reserve(
                                                    OrderId.random(),
                                                    ShardZero.of(allocation(1)))));
            work.add(() -> succeeded(() -> ledger.adjust(MUG, MUC, -1)));
            work.add(() -> succeeded(() -> ledger.adjust(MUG, MUC, 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        int reserved = 0;
        int removed = 0;
        int added = 0;
        try {
            List<Future<Boolean>> results = pool.invokeAll(work);
            for (int i = 0; i < results.size(); i++) {
                boolean ok = results.get(i).get();
                if (ok && i % 3 == 0) {
                    reserved++;
                } else if (ok && i % 3 == 1) {
                    removed++;
                } else if (ok) {
                    added++;
                }
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(added).isPositive();
        StockPosition end = ledger.positionsOf(MUG).get(0);
        assertThat(end.reserved()).isEqualTo(reserved);
        assertThat(end.available()).isEqualTo(20 + added - removed - reserved).isNotNegative();
    }

    private static boolean succeeded(Runnable call) {
        try {
            call.run();
            return true;
        } catch (InsufficientStock | DependencyUnavailable e) {
            return false; // refused or conflicted: either way nothing was applied
        }
    }

    private static Allocation allocation(int units) {
        return new Allocation(List.of(new Shipment(MUC, List.of(new OrderLine(MUG, units)))));
    }
}
