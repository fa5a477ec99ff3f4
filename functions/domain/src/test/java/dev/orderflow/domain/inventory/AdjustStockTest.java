package dev.orderflow.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.error.FulfillmentCenterNotFound;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.error.ProductNotFound;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.testfixtures.InMemoryCatalogStore;
import dev.orderflow.domain.testfixtures.InMemoryCenterDirectory;
import dev.orderflow.domain.testfixtures.InMemoryStockLedger;
import dev.orderflow.domain.testfixtures.SampleOrders;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdjustStockTest {

    private static final Caller ADMIN = new Caller("ops", Set.of(), Set.of(Caller.ADMIN_GROUP));
    private static final Caller CUSTOMER = new Caller("alice", Set.of(), Set.of());
    private static final Sku MUG = new Sku("MUG-BLUE");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId NYC = new CenterId("FC-NYC");
    private static final CenterId FRA = new CenterId("FC-FRA");

    private final InMemoryStockLedger ledger =
            new InMemoryStockLedger().with(new StockPosition(MUG, MUC, 5, 2));
    private final AdjustStock stock =
            new AdjustStock(
                    new InMemoryCatalogStore()
                            .with(new Product(MUG, "Blue mug", Money.ofMinor(1250, "EUR"), false)),
                    new InMemoryCenterDirectory()
                            .with(
                                    new FulfillmentCenter(MUC, "Munich", Map.of("DE-BY", 10)),
                                    new FulfillmentCenter(
                                            new CenterId("FC-BER"), "Berlin", Map.of("DE-BE", 5)),
                                    new FulfillmentCenter(
                                            NYC,
                                            "New York",
                                            Map.of("US-NY", 5),
                                            FulfillmentCenter.DEFAULT_HANDLING_TIME,
                                            new WarehouseLink.None(),
                                            Optional.of(SampleOrders.ELSEWHERE)),
                                    new FulfillmentCenter(
                                            FRA,
                                            "Frankfurt",
                                            Map.of("DE-HE", 5),
                                            FulfillmentCenter.DEFAULT_HANDLING_TIME,
                                            new WarehouseLink.None(),
                                            Optional.of(SampleOrders.HERE))),
                    ledger,
                    SampleOrders.HERE);

    @Test
    void adjust_atACenterHomedInAnotherRegion_isRefused_namingItsHome_andChangesNothing() {
        assertThatThrownBy(() -> stock.adjust(ADMIN, MUG, NYC, 10))
                .isInstanceOfSatisfying(
                        HomedInAnotherRegion.class,
                        e -> {
                            assertThat(e.homeRegion()).isEqualTo("us-east-1");
                            assertThat(e.getMessage()).contains("FC-NYC");
                        });
        assertThat(ledger.positionsOf(MUG)).extracting(StockPosition::center).doesNotContain(NYC);
    }

    @Test
    void adjust_atACenterHomedHere_changesItsStock() {
        assertThat(stock.adjust(ADMIN, MUG, FRA, 4).available()).isEqualTo(4);
    }

    @Test
    void adjust_addsAndRemovesUnits_keepingReservationsAsTheyAre() {
        assertThat(stock.adjust(ADMIN, MUG, MUC, 10)).isEqualTo(new StockPosition(MUG, MUC, 15, 2));
        assertThat(stock.adjust(ADMIN, MUG, MUC, -15)).isEqualTo(new StockPosition(MUG, MUC, 0, 2));
    }

    @Test
    void reshard_setsTheShardCount_withinOneToTheMaximum() {
        assertThat(stock.shardCount(ADMIN, MUG)).isEqualTo(1);

        assertThat(stock.reshard(ADMIN, MUG, 16))
                .containsExactly(new StockPosition(MUG, MUC, 5, 2));
        assertThat(stock.shardCount(ADMIN, MUG)).isEqualTo(16);

        for (int bad : new int[] {0, -1, ShardBalance.MAX_SHARDS + 1}) {
            assertThatThrownBy(() -> stock.reshard(ADMIN, MUG, bad))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e ->
                                    assertThat(e.violations())
                                            .extracting(InvalidInput.Violation::field)
                                            .containsExactly("shards"));
        }
        assertThatThrownBy(() -> stock.reshard(CUSTOMER, MUG, 2)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> stock.reshard(ADMIN, new Sku("NO-SUCH"), 2))
                .isInstanceOf(ProductNotFound.class);
        assertThatThrownBy(() -> stock.shardCount(CUSTOMER, MUG)).isInstanceOf(Forbidden.class);
    }

    @Test
    void adjust_startsAnUnknownPositionAtZero() {
        CenterId berlin = new CenterId("FC-BER");

        assertThat(stock.adjust(ADMIN, MUG, berlin, 3))
                .isEqualTo(new StockPosition(MUG, berlin, 3, 0));
        assertThat(stock.positions(ADMIN, MUG))
                .extracting(p -> p.center().value())
                .containsExactly("FC-BER", "FC-MUC");
    }

    @Test
    void adjust_refusesToGoBelowZero_andChangesNothing() {
        assertThatThrownBy(() -> stock.adjust(ADMIN, MUG, MUC, -6))
                .isInstanceOf(InsufficientStock.class);
        assertThat(stock.positions(ADMIN, MUG)).containsExactly(new StockPosition(MUG, MUC, 5, 2));
    }

    @Test
    void adjust_rejectsAZeroOrHugeDelta_byField() {
        for (int delta : new int[] {0, AdjustStock.MAX_DELTA + 1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> stock.adjust(ADMIN, MUG, MUC, delta))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("delta"));
        }
    }

    @Test
    void unknownProductsAndCenters_areNotFound() {
        assertThatThrownBy(() -> stock.adjust(ADMIN, new Sku("NOPE"), MUC, 1))
                .isInstanceOf(ProductNotFound.class);
        assertThatThrownBy(() -> stock.positions(ADMIN, new Sku("NOPE")))
                .isInstanceOf(ProductNotFound.class);
        assertThatThrownBy(() -> stock.adjust(ADMIN, MUG, new CenterId("FC-NONE"), 1))
                .isInstanceOf(FulfillmentCenterNotFound.class);
    }

    @Test
    void customers_areForbidden_beforeAnythingIsRead() {
        assertThatThrownBy(() -> stock.adjust(CUSTOMER, MUG, MUC, 1)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> stock.positions(CUSTOMER, MUG)).isInstanceOf(Forbidden.class);
    }
}
