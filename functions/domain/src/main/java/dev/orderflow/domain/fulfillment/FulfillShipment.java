package dev.orderflow.domain.fulfillment;

import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A fulfillment center's worker: picks and packs one shipment the saga handed over and reports the
 * outcome on the saga's task token. Safe under duplicate delivery: the warehouse yields the same
 * parcel for the same request, and a report on a token that is no longer waiting is a no-op.
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
        /** The center never answered; nothing was reported and the saga's timeout will fire. */
        NO_ANSWER
    }

    /**
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
    private final Warehouse warehouse;
    private final TaskTokens tokens;

    public FulfillShipment(OrderRepository orders, Warehouse warehouse, TaskTokens tokens) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Fulfills one shipment and reports the outcome on its task token.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the orders, the warehouse or the
     *     workflow engine cannot answer; nothing was reported, so a retry is safe
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
        PickOutcome picked = warehouse.pickAndPack(request, () -> tokens.heartbeat(token));
        if (picked instanceof PickOutcome.Shipped shipped) {
            return report(Result.SHIPPED, tokens.shipped(token, shipped.parcel()));
        }
        if (picked instanceof PickOutcome.CannotPick cannot) {
            return report(Result.REJECTED, tokens.failed(token, REJECTED, cannot.reason()));
        }
        return new Outcome(Result.NO_ANSWER, false);
    }

    private static Outcome report(Result result, TaskTokens.Report report) {
        return new Outcome(result, report == TaskTokens.Report.ALREADY_CLOSED);
    }
}
