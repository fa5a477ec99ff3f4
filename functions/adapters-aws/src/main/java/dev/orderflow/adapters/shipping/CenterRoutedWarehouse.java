package dev.orderflow.adapters.shipping;

import dev.orderflow.domain.centers.WarehouseLink;
import dev.orderflow.domain.shipping.PickOutcome;
import dev.orderflow.domain.shipping.ShipmentOrder;
import dev.orderflow.domain.shipping.Warehouse;
import java.util.Objects;

/**
 * Chooses the warehouse by the center's record: a center that states a warehouse endpoint is served
 * over HTTP, every other center by the deployment's default (the simulator in local and test
 * stacks, or {@link #refusingUnlinked()} where no simulator may run).
 */
public final class CenterRoutedWarehouse implements Warehouse {

    private final Warehouse linked;
    private final Warehouse unlinked;

    /**
     * @param linked serves centers with an endpoint ({@link HttpWarehouse})
     * @param unlinked serves centers without one
     */
    public CenterRoutedWarehouse(Warehouse linked, Warehouse unlinked) {
        this.linked = Objects.requireNonNull(linked, "linked");
        this.unlinked = Objects.requireNonNull(unlinked, "unlinked");
    }

    @Override
    public PickOutcome pickAndPack(ShipmentOrder order, Progress progress) {
        Warehouse chosen =
                order.center().warehouse() instanceof WarehouseLink.Endpoint ? linked : unlinked;
        return chosen.pickAndPack(order, progress);
    }

    /**
     * The default where no simulator may run: a center without an endpoint has no way to ship, so
     * the shipment is refused at once (the saga compensates) rather than left to time out.
     */
    public static Warehouse refusingUnlinked() {
        return (order, progress) ->
                new PickOutcome.CannotPick(
                        "center "
                                + order.center().id()
                                + " states no warehouse endpoint, and this deployment runs no"
                                + " simulated warehouse");
    }
}
