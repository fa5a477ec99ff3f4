package dev.orderflow.adapters.shipping;

import dev.orderflow.domain.shipping.Parcel;
import dev.orderflow.domain.shipping.PickOutcome;
import dev.orderflow.domain.shipping.ShipmentOrder;
import dev.orderflow.domain.shipping.Warehouse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A stand-in for the fulfillment centers' warehouse systems, for local runs and tests:
 * deterministic and stateless (it behaves the same in every Lambda execution environment). The
 * center id chooses what happens, so test data picks a scenario by naming its centers:
 *
 * <ul>
 *   <li>ends in {@code -SLOW} (e.g. {@code FC-MUC-SLOW}): reports progress {@value
 *       #SLOW_PROGRESS_REPORTS} times (each one a {@code SendTaskHeartbeat}), then ships;
 *   <li>ends in {@code -NOSTOCK}: cannot pick (the saga sees {@code Fulfillment.Rejected});
 *   <li>ends in {@code -OFFLINE}: never answers, so the saga step's timeout fires;
 *   <li>anything else: ships at once.
 * </ul>
 *
 * The tracking number is derived from the order and the center, so picking the same request again
 * yields the same tracking number.
 */
public final class SimulatedWarehouse implements Warehouse {

    /** Progress reports of a {@code -SLOW} center before it ships. */
    public static final int SLOW_PROGRESS_REPORTS = 2;

    private final Clock clock;

    public SimulatedWarehouse(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PickOutcome pickAndPack(ShipmentOrder order, Progress progress) {
        String center = order.center().id().value();
        if (center.endsWith("-NOSTOCK")) {
            return new PickOutcome.CannotPick(
                    "center " + center + " cannot pick the shipment (simulated empty shelf)");
        }
        if (center.endsWith("-OFFLINE")) {
            return new PickOutcome.NoAnswer();
        }
        if (center.endsWith("-SLOW")) {
            for (int i = 0; i < SLOW_PROGRESS_REPORTS; i++) {
                progress.stillWorking();
            }
        }
        return new PickOutcome.Shipped(
                new Parcel(order.center().id(), trackingNumberOf(order), clock.instant()));
    }

    static String trackingNumberOf(ShipmentOrder order) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    (order.orderId().value() + "|" + order.center().id().value())
                                            .getBytes(StandardCharsets.UTF_8));
            return "SIM" + HexFormat.of().formatHex(digest, 0, 8).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
