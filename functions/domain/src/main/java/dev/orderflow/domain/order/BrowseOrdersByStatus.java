package dev.orderflow.domain.order;

import dev.orderflow.domain.identity.Admins;
import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Objects;

/** Use case: an admin lists every customer's orders in one state, most recently changed first. */
public final class BrowseOrdersByStatus {

    private final OrdersByStatus orders;

    public BrowseOrdersByStatus(OrdersByStatus orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /**
     * One page of the orders in the state. An order that left the state after the page was read
     * from the index is left out, so every order returned is in the state asked for.
     *
     * @throws dev.orderflow.domain.error.Forbidden if the caller is not an admin
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor is not valid for this state
     */
    public Page<Order> list(Caller caller, OrderStatus status, PageRequest page) {
        Admins.require(caller);
        Objects.requireNonNull(status, "status");
        Page<Order> found = orders.withStatus(status, page);
        if (found.items().stream().allMatch(o -> o.status() == status)) {
            return found;
        }
        return new Page<>(
                found.items().stream().filter(o -> o.status() == status).toList(), found.next());
    }
}
