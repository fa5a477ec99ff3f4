package dev.orderflow.domain.order;

import java.util.Optional;

/** The port to where orders are stored. */
public interface OrderRepository {

    /**
     * Stores a new order, unless its id exists already.
     *
     * @throws IllegalStateException if an order with that id exists (ids are random UUIDs: a bug)
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void create(Order order);

    /** The order with that id, if any. */
    Optional<Order> find(OrderId id);
}
