package dev.orderflow.domain.shipping;

import dev.orderflow.domain.centers.CenterDirectory;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A fulfillment center's worker: hands one shipment the saga handed over to the center's warehouse
 * and reports the outcome on the saga's task token, or, when the warehouse answers later, leaves
 * the step waiting with its token kept by order and center for the warehouse's report ({@link
 * ReportShipmentEvent}). Safe under duplicate delivery: the warehouse yields the same parcel (or
 * accepts again without a second shipment) for the same order and center, and a report on a token
 * that is no longer waiting is a no-op.
 */
public final class FulfillShipment {

    /** The error the saga sees when the order is being cancelled: nothing was picked. */
    public static final String CANCELLED = "Fulfillment.Cancelled";

    /** The error the saga sees when the center cannot pick the shipment. */
    public static final String REJECTED = "Fulfillment.Rejected";

    /** The error the saga sees when the order does not exist (a bug or a purged order). */
    public static final String ORDER_NOT_FOUND = "Order.OrderNotFound";

    /** What the worker did with a request. */
    public enum Result {
        /** Shipped and reported with its parcel. */
        SHIPPED,
        /** The center cannot pick it; reported as {@link #REJECTED}. */
        REJECTED,
        /** The order is being cancelled; reported as {@link #CANCELLED} without picking. */
        CANCELLED,
        /** No such order; reported as {@link #ORDER_NOT_FOUND}. */
        ORDER_NOT_FOUND,
        /** The center's warehouse system took it and reports later; nothing was reported. */
        ACCEPTED,
        /** The center never answered; nothing was reported and the saga's timeout will fire. */
        NO_ANSWER
    }

    /**
     * What handling one shipment request came to.
     *
     * @param result what happened
     * @param alreadyReported whether the saga step had closed before this report (a duplicate
     *     delivery, or a report after the step's timeout)
     */
    public record Outcome(Result result, boolean alreadyReported) {
        public Outcome {
            Objects.requireNonNull(result, "result");
        }
    }

    private final OrderRepository orders;
    private final CenterDirectory centers;
    private final Warehouse warehouse;
    private final TaskTokens tokens;
    private final AwaitedShipments awaited;

    public FulfillShipment(
            OrderRepository orders,
            CenterDirectory centers,
            Warehouse warehouse,
            TaskTokens tokens,
            AwaitedShipments awaited) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.centers = Objects.requireNonNull(centers, "centers");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.awaited = Objects.requireNonNull(awaited, "awaited");
    }

    /**
     * Fulfills one shipment and reports the outcome on its task token.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the orders, the centers, the
     *     warehouse or the workflow engine cannot answer; nothing was reported, so a retry is safe
     */
    public Outcome fulfill(FulfillmentRequest request) {
        Objects.requireNonNull(request, "request");
        TaskToken token = request.taskToken();
        Optional<Order> order = orders.find(request.orderId());
        if (order.isEmpty()) {
            return report(
                    Result.ORDER_NOT_FOUND,
                    tokens.failed(
                            token,
                            ORDER_NOT_FOUND,
                            "order " + request.orderId() + " was not found"));
        }
        OrderStatus status = order.get().status();
        if (status == OrderStatus.CANCELLING || status == OrderStatus.CANCELLED) {
            return report(
                    Result.CANCELLED,
                    tokens.failed(
                            token,
                            CANCELLED,
                            "order "
                                    + request.orderId()
                                    + " is "
                                    + status
                                    + "; nothing was picked"));
        }
        Optional<FulfillmentCenter> center = centers.find(request.shipment().center());
        if (center.isEmpty()) {
            return report(
                    Result.REJECTED,
                    tokens.failed(
                            token,
                            REJECTED,
                            "fulfillment center " + request.shipment().center() + " is not known"));
        }
        return handOver(request, order.get(), center.get());
    }

    private Outcome handOver(FulfillmentRequest request, Order order, FulfillmentCenter center) {
        TaskToken token = request.taskToken();
        // Kept before the hand-over: the warehouse may report before it answers the hand-over.
        awaited.await(request.orderId(), center.id(), token);
        ShipmentOrder shipment =
                new ShipmentOrder(
                        request.orderId(), center, request.shipment().lines(), order.address());
        PickOutcome picked = warehouse.pickAndPack(shipment, () -> tokens.heartbeat(token));
        if (picked instanceof PickOutcome.Shipped shipped) {
            return report(Result.SHIPPED, tokens.shipped(token, shipped.parcel()));
        }
        if (picked instanceof PickOutcome.CannotPick cannot) {
            return report(Result.REJECTED, tokens.failed(token, REJECTED, cannot.reason()));
        }
        if (picked instanceof PickOutcome.Accepted) {
            return new Outcome(Result.ACCEPTED, false);
        }
        return new Outcome(Result.NO_ANSWER, false);
    }

    private static Outcome report(Result result, TaskTokens.Report report) {
        return new Outcome(result, report == TaskTokens.Report.ALREADY_CLOSED);
    }
}
