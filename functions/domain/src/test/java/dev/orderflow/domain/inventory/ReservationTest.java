package dev.orderflow.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.order.Allocation;
import dev.orderflow.domain.order.OrderLine;
import dev.orderflow.domain.order.Shipment;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static final Sku MUG = new Sku("MUG-BLUE");
    private static final Sku TEA = new Sku("TEA-GREEN");
    private static final CenterId MUC = new CenterId("FC-MUC");
    private static final CenterId BER = new CenterId("FC-BER");

    /** Always starts at shard 2 (or 0 when there is no shard 2). */
    private static final RandomGenerator START_AT_TWO = new FixedStart(2);

    private static Allocation allocation(Shipment... shipments) {
        return new Allocation(List.of(shipments));
    }

    @Test
    void plan_takesEachLineFromItsShards_startingAtTheRandomShard() {
        Allocation allocation =
                allocation(
                        new Shipment(MUC, List.of(new OrderLine(MUG, 3), new OrderLine(TEA, 1))),
                        new Shipment(BER, List.of(new OrderLine(MUG, 1))));
        List<StockLevel> levels =
                List.of(
                        new StockLevel(MUG, MUC, List.of(5, 5, 2, 0)),
                        new StockLevel(TEA, MUC, 4),
                        new StockLevel(MUG, BER, List.of(0, 0, 0, 1)));

        Reservation reservation = Reservation.plan(allocation, levels, START_AT_TWO);

        assertThat(reservation.allocation()).isEqualTo(allocation);
        assertThat(reservation.units())
                .containsExactly(
                        new ReservedUnits(MUG, MUC, 2, 2),
                        new ReservedUnits(MUG, MUC, 0, 1),
                        new ReservedUnits(TEA, MUC, 0, 1),
                        new ReservedUnits(MUG, BER, 3, 1));
    }

    @Test
    void plan_refuses_whenTheLevelsCannotFillALine() {
        Allocation allocation = allocation(new Shipment(MUC, List.of(new OrderLine(MUG, 3))));

        assertThatThrownBy(
                        () ->
                                Reservation.plan(
                                        allocation,
                                        List.of(new StockLevel(MUG, MUC, List.of(1, 1))),
                                        START_AT_TWO))
                .isInstanceOf(InsufficientStock.class)
                .hasMessage("not enough stock for MUG-BLUE (requested 3, available 2)");
        assertThatThrownBy(() -> Reservation.plan(allocation, List.of(), START_AT_TWO))
                .isInstanceOf(InsufficientStock.class);
    }

    @Test
    void of_rebuildsTheAllocation_summingAProductsShardsPerCenter() {
        List<ReservedUnits> units =
                List.of(
                        new ReservedUnits(MUG, BER, 3, 2),
                        new ReservedUnits(MUG, MUC, 1, 1),
                        new ReservedUnits(MUG, BER, 0, 1),
                        new ReservedUnits(TEA, BER, 0, 5));

        Reservation reservation = Reservation.of(units);

        assertThat(reservation.units()).isEqualTo(units);
        assertThat(reservation.allocation())
                .isEqualTo(
                        allocation(
                                new Shipment(
                                        BER, List.of(new OrderLine(MUG, 3), new OrderLine(TEA, 5))),
                                new Shipment(MUC, List.of(new OrderLine(MUG, 1)))));
    }

    /** A generator whose {@code nextInt(bound)} is a fixed shard when it is in bounds. */
    private record FixedStart(int shard) implements RandomGenerator {
        @Override
        public long nextLong() {
            return shard;
        }

        @Override
        public int nextInt(int bound) {
            return shard < bound ? shard : 0;
        }
    }
}
