package dev.orderflow.domain.order;

import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;

/** The port to every customer's orders in one state, across customers. */
public interface OrdersByStatus {

    /**
     * One page of the orders currently in the state, most recently changed first.
     *
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor was not issued for this state's
     *     listing
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Page<Order> withStatus(OrderStatus status, PageRequest page);
}
