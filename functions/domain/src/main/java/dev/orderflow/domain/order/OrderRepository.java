package dev.orderflow.domain.order;

import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Optional;
import java.util.Set;

/** The port to where orders are stored. */
public interface OrderRepository {

    /**
     * Stores a new order, unless an order with its id exists already (a conditional write), with
     * the first event of its trail.
     *
     * @return true if stored, false if the id was taken
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    boolean create(Order order);

    /** The order with that id, if any. */
    Optional<Order> find(OrderId id);

    /**
     * Stores the next version of an order, if nobody changed it since it was read (optimistic lock
     * on {@link Order#version()}: the stored version must be {@code order.version() - 1}), and
     * appends its event to the trail in the same atomic write.
     *
     * @param detail what the event trail should say about this change; may be empty
     * @return true if stored, false if the stored order moved on meanwhile (re-read and retry)
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    boolean update(Order order, String detail);

    /** {@link #update(Order, String)} with the order's reason as the event's detail. */
    default boolean update(Order order) {
        return update(order, order.reason());
    }

    /**
     * The order's event trail, oldest first; empty if there is no such order.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    java.util.List<OrderEvent> trail(OrderId id);

    /**
     * A customer's orders, newest first, optionally only those in some states.
     *
     * @param statuses the states to keep; empty keeps all
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor was not issued for this
     *     customer's listing
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Page<Order> ofCustomer(String customerId, Set<OrderStatus> statuses, PageRequest page);

    /**
     * Removes what is left of an order's collection (its trail and the records the saga kept with
     * it) once the order itself has been archived; nothing left is no error.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void removeCollection(OrderId id);
}
