package dev.orderflow.domain.saga;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.centers.FulfillmentCenter;
import dev.orderflow.domain.centers.FulfillmentCenters;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.inventory.StockReservations;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderChanges;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.Shipment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The saga's {@code HandOverShipments} and {@code ConfirmShipped} steps: hand a paid order to its
 * centers, then, once every center reported, record that it shipped.
 */
public final class ShippingSteps {

    /** The longest a center may stay silent while it works on a shipment. */
    static final Duration MAX_HEARTBEAT = Duration.ofHours(1);

    /** The longest a request may wait for the center's worker without eating into its level. */
    static final Duration MAX_QUEUE_ALLOWANCE = Duration.ofMinutes(15);

    private final OrderChanges orders;
    private final FulfillmentCenters centers;
    private final StockReservations reservations;
    private final Clock clock;

    public ShippingSteps(
            OrderRepository orders,
            FulfillmentCenters centers,
            StockReservations reservations,
            Clock clock) {
        this.orders = new OrderChanges(Objects.requireNonNull(orders, "orders"));
        this.centers = Objects.requireNonNull(centers, "centers");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Marks the order {@link OrderStatus#SHIPPING} and says what each center ships, within which
     * time.
     *
     * @return proceed with the work orders, or cancel (no work orders) if the customer cancelled
     */
    public HandOver handOver(OrderId id) {
        Order order = orders.change(id, this::recordHandOver);
        if (order.status() == OrderStatus.CANCELLING) {
            return new HandOver(StepResult.cancel(), List.of());
        }
        if (order.status() != OrderStatus.SHIPPING) {
            throw new InvalidStateTransition(
                    id.value(), order.status().name(), OrderStatus.SHIPPING.name());
        }
        Map<CenterId, FulfillmentCenter> known =
                centers.all().stream()
                        .collect(Collectors.toMap(FulfillmentCenter::id, Function.identity()));
        List<HandOver.WorkOrder> work =
                order.allocation().orElseThrow().shipments().stream()
                        .map(shipment -> workOrder(shipment, known))
                        .toList();
        return new HandOver(StepResult.proceed(), work);
    }

    /**
     * Records that every shipment left its center: the reserved units are committed (they are gone,
     * so no later release may return them) and the order becomes {@link OrderStatus#SHIPPED}.
     *
     * @param trackingNumbers what each center reported, for the order's trail
     * @return proceed with the shipped order, or cancel if the customer's cancellation won the race
     *     (the goods left; the compensation refunds, and releases nothing)
     */
    public Confirmation confirmShipped(OrderId id, Map<CenterId, String> trackingNumbers) {
        reservations.commit(id);
        String detail =
                trackingNumbers.entrySet().stream()
                        .map(e -> e.getKey().value() + " tracking " + e.getValue())
                        .sorted()
                        .collect(Collectors.joining(", "));
        Order order = orders.change(id, current -> recordShipped(current, detail));
        if (order.status() == OrderStatus.CANCELLING) {
            return new Confirmation(StepResult.cancel(), order);
        }
        if (order.status() != OrderStatus.SHIPPED) {
            throw new InvalidStateTransition(
                    id.value(), order.status().name(), OrderStatus.SHIPPED.name());
        }
        return new Confirmation(StepResult.proceed(), order);
    }

    /** The verdict of {@link #confirmShipped} and the order as it stands after it. */
    public record Confirmation(StepResult result, Order order) {
        public Confirmation {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(order, "order");
        }
    }

    /** The order handed over; nothing unless it is still {@link OrderStatus#PAID}. */
    private Optional<OrderChanges.Change> recordHandOver(Order current) {
        if (current.status() != OrderStatus.PAID) {
            return Optional.empty();
        }
        return Optional.of(
                new OrderChanges.Change(
                        current.shipping(clock.instant()),
                        "handed to " + centersOf(current) + " for shipping"));
    }

    /** The order shipped; nothing unless it is still {@link OrderStatus#SHIPPING}. */
    private Optional<OrderChanges.Change> recordShipped(Order current, String detail) {
        if (current.status() != OrderStatus.SHIPPING) {
            return Optional.empty();
        }
        return Optional.of(new OrderChanges.Change(current.shipped(clock.instant()), detail));
    }

    /**
     * What the shipment's center is asked, within the center's service level counted from when its
     * worker receives the request, as the center experiences it: the step's clocks start when the
     * request is queued, so both get the time a request may wait in the queue on top ({@link
     * #queueAllowance}). A request that waited longer eats into the level.
     */
    private static HandOver.WorkOrder workOrder(
            Shipment shipment, Map<CenterId, FulfillmentCenter> known) {
        FulfillmentCenter center = known.get(shipment.center());
        // A center removed since allocation keeps the default level.
        Duration level =
                center == null ? FulfillmentCenter.DEFAULT_HANDLING_TIME : center.handlingTime();
        Duration queued = queueAllowance(level);
        return new HandOver.WorkOrder(
                shipment.center(),
                shipment.lines(),
                level.plus(queued),
                heartbeatFor(level).plus(queued));
    }

    /** A quarter of the service level, between a second and {@link #MAX_QUEUE_ALLOWANCE}. */
    static Duration queueAllowance(Duration level) {
        Duration quarter = level.dividedBy(4);
        if (quarter.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return quarter.compareTo(MAX_QUEUE_ALLOWANCE) > 0 ? MAX_QUEUE_ALLOWANCE : quarter;
    }

    /** A quarter of the service level, between a second and {@link #MAX_HEARTBEAT}. */
    static Duration heartbeatFor(Duration timeout) {
        Duration quarter = timeout.dividedBy(4);
        if (quarter.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return quarter.compareTo(MAX_HEARTBEAT) > 0 ? MAX_HEARTBEAT : quarter;
    }

    private static String centersOf(Order order) {
        return order.allocation().orElseThrow().shipments().stream()
                .map(s -> s.center().value())
                .collect(Collectors.joining(", "));
    }
}
