package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.shipping.Parcel;
import dev.orderflow.domain.shipping.PickOutcome;
import dev.orderflow.domain.shipping.ShipmentOrder;
import dev.orderflow.domain.shipping.Warehouse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A warehouse that answers what it was told to, after reporting progress a given number of times;
 * by default it ships a parcel whose tracking number names the order and center.
 */
public final class ScriptedWarehouse implements Warehouse {

    private final List<ShipmentOrder> picked = new CopyOnWriteArrayList<>();
    private final Instant shippedAt;
    private volatile PickOutcome scripted;
    private volatile int progressReports;

    public ScriptedWarehouse(Instant shippedAt) {
        this.shippedAt = shippedAt;
    }

    /** Every later pick answers this instead of shipping. */
    public ScriptedWarehouse answering(PickOutcome outcome) {
        scripted = outcome;
        return this;
    }

    /** Every later pick reports progress this many times first. */
    public ScriptedWarehouse reportingProgress(int times) {
        progressReports = times;
        return this;
    }

    @Override
    public PickOutcome pickAndPack(ShipmentOrder order, Progress progress) {
        picked.add(order);
        for (int i = 0; i < progressReports; i++) {
            progress.stillWorking();
        }
        if (scripted != null) {
            return scripted;
        }
        return new PickOutcome.Shipped(
                new Parcel(
                        order.center().id(),
                        "TRK-" + order.orderId() + "-" + order.center().id(),
                        shippedAt));
    }

    /** Every request picked, duplicates included. */
    public List<ShipmentOrder> picked() {
        return List.copyOf(picked);
    }
}
