package dev.orderflow.domain.saga;

import dev.orderflow.domain.error.InsufficientStock;
import dev.orderflow.domain.error.InvalidStateTransition;
import dev.orderflow.domain.inventory.ReserveStock;
import dev.orderflow.domain.order.OrderChanges;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import java.util.Objects;

/**
 * The saga's {@code ReserveStock} step: runs the {@link ReserveStock} use case and answers the
 * workflow's verdict: stock the centers cannot fill and a customer's cancellation are verdicts, not
 * errors.
 */
public final class ReserveStep {

    private final ReserveStock reserveStock;
    private final OrderChanges orders;

    public ReserveStep(ReserveStock reserveStock, OrderRepository orders) {
        this.reserveStock = Objects.requireNonNull(reserveStock, "reserveStock");
        this.orders = new OrderChanges(Objects.requireNonNull(orders, "orders"));
    }

    /**
     * Reserves the order's stock through {@link ReserveStock} and answers the workflow's verdict.
     *
     * @return proceed once reserved; reject when the centers serving the address cannot fill it;
     *     cancel when the customer cancelled first
     * @throws dev.orderflow.domain.error.DependencyUnavailable when a store is down or contended
     *     (the workflow retries)
     */
    public StepResult run(OrderId id) {
        try {
            reserveStock.reserve(id);
            return StepResult.proceed();
        } catch (InsufficientStock e) {
            return StepResult.reject(e.getMessage());
        } catch (InvalidStateTransition e) {
            // Cancelled before or while we reserved (ReserveStock released what it took).
            if (orders.load(id).status() == OrderStatus.CANCELLING) {
                return StepResult.cancel();
            }
            throw e;
        }
    }
}
