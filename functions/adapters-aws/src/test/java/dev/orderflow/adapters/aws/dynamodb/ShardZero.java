package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.inventory.Reservation;
import dev.orderflow.domain.inventory.ReservedUnits;
import dev.orderflow.domain.order.Allocation;
import java.util.List;

/** Reservations of products that are not sharded: every line from shard 0. */
final class ShardZero {

    private ShardZero() {}

    static Reservation of(Allocation allocation) {
        List<ReservedUnits> units =
                allocation.shipments().stream()
                        .flatMap(
                                s ->
                                        s.lines().stream()
                                                .map(
                                                        l ->
                                                                new ReservedUnits(
                                                                        l.sku(),
                                                                        s.center(),
                                                                        0,
                                                                        l.quantity())))
                        .toList();
        return new Reservation(allocation, units);
    }
}
