package dev.orderflow.domain.order;

import dev.orderflow.domain.error.OrderNotFound;
import dev.orderflow.domain.identity.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: a customer (or an admin) looks at one order, live or, once its retention ran out,
 * archived.
 */
public final class ViewOrder {

    private final OrderRepository orders;
    private final OrderArchive archive;

    public ViewOrder(OrderRepository orders, OrderArchive archive) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /**
     * The live order, if the caller may see it.
     *
     * @throws OrderNotFound if it does not exist or belongs to another customer: the two cases are
     *     indistinguishable, so an id reveals nothing about other customers
     */
    public Order view(Caller caller, OrderId id) {
        return live(caller, id).orElseThrow(() -> new OrderNotFound(id.value()));
    }

    /**
     * The order with its event trail if it is live; otherwise its record in the caller's archive.
     * The archive is kept per customer, so an admin finds archived orders of their own only.
     *
     * @throws OrderNotFound as {@link #view}, and when the caller's archive has no such order
     */
    public OrderView history(Caller caller, OrderId id) {
        Optional<Order> live = live(caller, id);
        if (live.isPresent()) {
            return new OrderView.Live(live.get(), orders.trail(id));
        }
        return archive.find(caller.subject(), id)
                .filter(archived -> archived.isVisibleTo(caller))
                .<OrderView>map(OrderView.Archived::new)
                .orElseThrow(() -> new OrderNotFound(id.value()));
    }

    private Optional<Order> live(Caller caller, OrderId id) {
        return orders.find(id).filter(order -> order.isVisibleTo(caller));
    }
}
