package dev.orderflow.domain.shipping;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.error.ShipmentNotFound;
import dev.orderflow.domain.error.ShipmentSettled;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.order.OrderId;
import java.time.Clock;
import java.util.Objects;

/**
 * Use case: a center's warehouse system reports on a shipment it accepted, by order and center; the
 * report reaches the saga step that waits for it on the token the worker kept ({@link
 * AwaitedShipments}). Shipped completes the step with the parcel (shipped now), cannot-pick fails
 * it as {@link FulfillShipment#REJECTED} (as the worker does for a synchronous refusal), picking is
 * the step's heartbeat.
 */
public final class ReportShipmentEvent {

    private final AwaitedShipments awaited;
    private final TaskTokens tokens;
    private final Clock clock;

    public ReportShipmentEvent(AwaitedShipments awaited, TaskTokens tokens, Clock clock) {
        this.awaited = Objects.requireNonNull(awaited, "awaited");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Delivers the report to the waiting step.
     *
     * @throws Forbidden if the caller is not a warehouse system ({@link Caller#WAREHOUSE_SCOPE})
     * @throws ShipmentNotFound if no shipment of the order was handed to that center
     * @throws ShipmentSettled if the step no longer waits (reported before, timed out, order ended)
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store or the workflow engine
     *     cannot answer; nothing was reported, so the warehouse may retry
     */
    public void report(Caller caller, OrderId order, CenterId center, WarehouseEvent event) {
        if (!caller.isWarehouseSystem()) {
            throw new Forbidden("this needs the " + Caller.WAREHOUSE_SCOPE + " scope");
        }
        TaskToken token =
                awaited.find(order, center)
                        .orElseThrow(() -> new ShipmentNotFound(order.value(), center.value()));
        TaskTokens.Report report;
        if (event instanceof WarehouseEvent.Shipped shipped) {
            report =
                    tokens.shipped(
                            token, new Parcel(center, shipped.trackingNumber(), clock.instant()));
        } else if (event instanceof WarehouseEvent.CannotPick cannot) {
            report =
                    tokens.failed(
                            token,
                            FulfillShipment.REJECTED,
                            "center " + center + " cannot pick the shipment: " + cannot.reason());
        } else {
            report = tokens.heartbeat(token);
        }
        if (report == TaskTokens.Report.ALREADY_CLOSED) {
            throw new ShipmentSettled(order.value(), center.value());
        }
    }
}
