package dev.orderflow.domain.order;

import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Objects;
import java.util.Set;

/** Use case: a customer lists their own orders, newest first. */
public final class ListOrders {

    private final OrderRepository orders;

    public ListOrders(OrderRepository orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /**
     * One page of the caller's orders. Admins list their own orders here too; listing across
     * customers is an admin route of its own.
     *
     * @param statuses the states to keep; empty keeps all
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor is not one issued for the
     *     caller
     */
    public Page<Order> list(Caller caller, Set<OrderStatus> statuses, PageRequest page) {
        return orders.ofCustomer(caller.subject(), statuses, page);
    }
}
