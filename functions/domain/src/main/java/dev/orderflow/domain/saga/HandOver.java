package dev.orderflow.domain.saga;

import dev.orderflow.domain.centers.CenterId;
import dev.orderflow.domain.order.OrderLine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of handing an order to its centers: the step's verdict and, when proceeding, one work
 * order per center with how long that center may take.
 */
public record HandOver(StepResult result, List<WorkOrder> workOrders) {

    public HandOver {
        Objects.requireNonNull(result, "result");
        workOrders = List.copyOf(workOrders);
    }

    /**
     * What one center is asked to ship.
     *
     * @param center the center
     * @param lines what it ships
     * @param timeout how long the step waits from queueing the request: the center's service level
     *     plus the time the request may wait for the center's worker; the saga compensates if it
     *     has not shipped by then
     * @param heartbeat how long the center may stay silent (plus the same allowance for the wait)
     */
    public record WorkOrder(
            CenterId center, List<OrderLine> lines, Duration timeout, Duration heartbeat) {
        public WorkOrder {
            Objects.requireNonNull(center, "center");
            lines = List.copyOf(lines);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(heartbeat, "heartbeat");
        }
    }
}
