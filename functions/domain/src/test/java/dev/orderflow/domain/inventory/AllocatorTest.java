package dev.orderflow.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllocatorTest {

    private static final FulfillmentCenter MUNICH =
            new FulfillmentCenter(
                    new CenterId("FC-MUC"), "Munich", Map.of("DE-BY", 20, "DE-BE", 580));
    private static final FulfillmentCenter BERLIN =
            new FulfillmentCenter(
                    new CenterId("FC-BER"), "Berlin", Map.of("DE-BY", 590, "DE-BE", 15));
    private static final FulfillmentCenter LYON =
            new FulfillmentCenter(new CenterId("FC-LYS"), "Lyon", Map.of("FR-ARA", 10));
    private static final List<FulfillmentCenter> CENTERS = List.of(LYON, BERLIN, MUNICH);

    private final Allocator allocator = new Allocator();

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(new Sku(sku), quantity);
    }

    private static StockLevel stock(FulfillmentCenter center, String sku, int available) {
        return new StockLevel(new Sku(sku), center.id(), available);
    }

    @Test
    void allocate_shipsEverythingFromTheNearestCenterThatCanFillTheOrder() {
        var stock =
                List.of(stock(MUNICH, "MUG", 5), stock(BERLIN, "MUG", 50), stock(MUNICH, "TEA", 1));

        Allocation allocation =
                allocator.allocate(
                        List.of(line("MUG", 2), line("TEA", 1)), "DE-BY", CENTERS, stock);

        assertThat(allocation.shipments())
                .containsExactly(
                        new Shipment(MUNICH.id(), List.of(line("MUG", 2), line("TEA", 1))));
        assertThat(allocation.isSplit()).isFalse();
    }

    @Test
    void allocate_prefersAFartherCenterThatFillsEverything_overSplitting() {
        var stock =
                List.of(stock(MUNICH, "MUG", 5), stock(BERLIN, "MUG", 5), stock(BERLIN, "TEA", 1));

        Allocation allocation =
                allocator.allocate(
                        List.of(line("MUG", 2), line("TEA", 1)), "DE-BY", CENTERS, stock);

        assertThat(allocation.shipments())
                .extracting(Shipment::center)
                .containsExactly(BERLIN.id());
    }

    @Test
    void allocate_splitsNearestFirst_whenNoSingleCenterCanFillTheOrder() {
        var stock =
                List.of(stock(MUNICH, "MUG", 3), stock(BERLIN, "MUG", 4), stock(BERLIN, "TEA", 2));

        Allocation allocation =
                allocator.allocate(
                        List.of(line("MUG", 5), line("TEA", 2)), "DE-BY", CENTERS, stock);

        assertThat(allocation.shipments())
                .containsExactly(
                        new Shipment(MUNICH.id(), List.of(line("MUG", 3))),
                        new Shipment(BERLIN.id(), List.of(line("MUG", 2), line("TEA", 2))));
        assertThat(allocation.isSplit()).isTrue();
    }

    @Test
    void allocate_ignoresCentersThatDoNotServeTheRegion() {
        var stock = List.of(stock(LYON, "MUG", 100));

        assertThatThrownBy(
                        () -> allocator.allocate(List.of(line("MUG", 1)), "DE-BY", CENTERS, stock))
                .isInstanceOf(InsufficientStock.class)
                .satisfies(
                        e ->
                                assertThat(((InsufficientStock) e).shortfalls())
                                        .containsExactly(
                                                new InsufficientStock.Shortfall("MUG", 1, 0)));
    }

    @Test
    void allocate_namesEveryShortProduct_withWhatTheServingCentersHold() {
        var stock =
                List.of(stock(MUNICH, "MUG", 1), stock(BERLIN, "MUG", 1), stock(MUNICH, "TEA", 9));

        assertThatThrownBy(
                        () ->
                                allocator.allocate(
                                        List.of(line("MUG", 3), line("TEA", 2), line("PEN", 1)),
                                        "DE-BE",
                                        CENTERS,
                                        stock))
                .isInstanceOf(InsufficientStock.class)
                .hasMessage(
                        "not enough stock for MUG (requested 3, available 2), PEN (requested 1, available 0)");
    }

    @Test
    void allocate_rejectsTheSameProductOnTwoLines() {
        assertThatThrownBy(
                        () ->
                                allocator.allocate(
                                        List.of(line("MUG", 1), line("MUG", 2)),
                                        "DE-BY",
                                        CENTERS,
                                        List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Properties over random stock: never ships more than held, always ships exactly what was
     * ordered.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void allocate_conservesUnitsAndRespectsStock_forRandomInputs(long seed) {
        Random random = new Random(seed);
        List<String> skus = List.of("A1", "B2", "C3", "D4");
        List<StockLevel> stock = new ArrayList<>();
        for (FulfillmentCenter center : CENTERS) {
            for (String sku : skus) {
                stock.add(stock(center, sku, random.nextInt(6)));
            }
        }
        List<OrderLine> lines = new ArrayList<>();
        for (String sku : skus) {
            if (random.nextBoolean()) {
                lines.add(line(sku, 1 + random.nextInt(8)));
            }
        }
        if (lines.isEmpty()) {
            lines.add(line("A1", 1));
        }
        String region = random.nextBoolean() ? "DE-BY" : "DE-BE";

        try {
            Allocation allocation = allocator.allocate(lines, region, CENTERS, stock);
            Map<String, Integer> shipped = new HashMap<>();
            for (Shipment s : allocation.shipments()) {
                assertThat(s.center()).isNotEqualTo(LYON.id());
                for (OrderLine l : s.lines()) {
                    shipped.merge(l.sku().value(), l.quantity(), Integer::sum);
                    int held =
                            stock.stream()
                                    .filter(
                                            x ->
                                                    x.center().equals(s.center())
                                                            && x.sku().equals(l.sku()))
                                    .mapToInt(StockLevel::available)
                                    .sum();
                    assertThat(l.quantity()).isLessThanOrEqualTo(held);
                }
            }
            lines.forEach(l -> assertThat(shipped.get(l.sku().value())).isEqualTo(l.quantity()));
        } catch (InsufficientStock e) {
            for (var shortfall : e.shortfalls()) {
                int held =
                        stock.stream()
                                .filter(
                                        x ->
                                                x.sku().value().equals(shortfall.sku())
                                                        && !x.center().equals(LYON.id()))
                                .mapToInt(StockLevel::available)
                                .sum();
                assertThat(shortfall.available()).isEqualTo(held).isLessThan(shortfall.requested());
            }
        }
    }
}
