package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Orders in memory; can be told to crash on the next create, as a process might. */
public final class InMemoryOrderRepository implements OrderRepository {

    private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();
    private boolean crashOnNextCreate;

    /** The next {@link #create} throws before storing anything. */
    public void crashOnNextCreate() {
        crashOnNextCreate = true;
    }

    @Override
    public boolean create(Order order) {
        if (crashOnNextCreate) {
            crashOnNextCreate = false;
            throw new IllegalStateException("simulated crash before the order was stored");
        }
        return orders.putIfAbsent(order.id(), order) == null;
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public boolean update(Order order) {
        Order stored = orders.get(order.id());
        if (stored == null || stored.version() != order.version() - 1) {
            return false;
        }
        return orders.replace(order.id(), stored, order);
    }

    public int size() {
        return orders.size();
    }
}
