package dev.orderflow.domain.order;

import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The port to where finished orders go when they leave the live store ({@link Retention}): kept per
 * customer, without expiry, so a customer's history stays readable.
 */
public interface OrderArchive {

    /**
     * Keeps an order's record; keeping the same order again replaces it with the same content, so a
     * redelivered expiry archives once.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    void keep(ArchivedOrder order);

    /**
     * The archived order with that id among this customer's, if any.
     *
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Optional<ArchivedOrder> find(String customerId, OrderId id);

    /**
     * A customer's archived orders, most recently placed first.
     *
     * @param statuses the states to keep; empty keeps all
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor was not issued by this archive
     * @throws dev.orderflow.domain.error.DependencyUnavailable if the store cannot answer
     */
    Page<ArchivedOrder> ofCustomer(String customerId, Set<OrderStatus> statuses, PageRequest page);
}
