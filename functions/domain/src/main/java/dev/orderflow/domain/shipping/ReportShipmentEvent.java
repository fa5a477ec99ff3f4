package dev.orderflow.domain.shipping;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.error.Forbidden;
import dev.orderflow.domain.error.HomedInAnotherRegion;
import dev.orderflow.domain.error.ShipmentNotFound;
import dev.orderflow.domain.error.ShipmentSettled;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.region.AwsRegion;
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

    private final OrderRepository orders;
    private final AwaitedShipments awaited;
    private final TaskTokens tokens;
    private final Clock clock;
    private final AwsRegion here;

    /**
     * @param orders where the reported order's home region is read
     * @param here the region this runs in: the waiting step of an order homed in another region
     *     exists only there
     */
    public ReportShipmentEvent(
            OrderRepository orders,
            AwaitedShipments awaited,
            TaskTokens tokens,
            Clock clock,
            AwsRegion here) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.here = Objects.requireNonNull(here, "here");
        this.awaited = Objects.requireNonNull(awaited, "awaited");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Delivers the report to the waiting step.
     *
     * @throws Forbidden if the caller is not a warehouse system ({@link Caller#WAREHOUSE_SCOPE})
     * @throws ShipmentNotFound if there is no such order, or no shipment of it was handed to that
     *     center
     * @throws HomedInAnotherRegion if the order is homed in another region, whose saga waits
     *     (nothing is reported here)
     * @throws ShipmentSettled if the step no longer waits (reported before, timed out, order ended)
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store or the workflow engine
     *     cannot answer; nothing was reported, so the warehouse may retry
     */
    public void report(Caller caller, OrderId order, CenterId center, WarehouseEvent event) {
        if (!caller.isWarehouseSystem()) {
            throw new Forbidden("this needs the " + Caller.WAREHOUSE_SCOPE + " scope");
        }
        Order reported =
                orders.find(order)
                        .orElseThrow(() -> new ShipmentNotFound(order.value(), center.value()));
        reported.requireHomedIn(here);
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
