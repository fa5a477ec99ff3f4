package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderEvent;
import dev.orderflow.domain.order.OrderId;
import dev.orderflow.domain.order.OrderRepository;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Orders in memory; can be told to crash on the next create, as a process might. */
public final class InMemoryOrderRepository implements OrderRepository {

    private final Map<OrderId, Order> orders = new ConcurrentHashMap<>();
    private final Map<OrderId, List<OrderEvent>> trails = new ConcurrentHashMap<>();
    private boolean crashOnNextCreate;

    private Runnable raceOnNextFind;

    /**
     * The next {@link #find} misses, and the given write happens right after it looked: a
     * concurrent writer winning the race between a read and a conditional write.
     */
    public void raceOnNextFind(Runnable concurrentWrite) {
        raceOnNextFind = concurrentWrite;
    }

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
        if (orders.putIfAbsent(order.id(), order) != null) {
            return false;
        }
        trails.put(order.id(), new java.util.concurrent.CopyOnWriteArrayList<>());
        trails.get(order.id()).add(OrderEvent.of(order, ""));
        return true;
    }

    @Override
    public Optional<Order> find(OrderId id) {
        if (raceOnNextFind != null) {
            Runnable write = raceOnNextFind;
            raceOnNextFind = null;
            write.run();
            return Optional.empty();
        }
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public synchronized boolean update(Order order, String detail) {
        Order stored = orders.get(order.id());
        if (stored == null || stored.version() != order.version() - 1) {
            return false;
        }
        orders.put(order.id(), order);
        trails.get(order.id()).add(OrderEvent.of(order, detail));
        return true;
    }

    @Override
    public List<OrderEvent> trail(OrderId id) {
        return List.copyOf(trails.getOrDefault(id, List.of()));
    }

    @Override
    public Page<Order> ofCustomer(String customerId, Set<OrderStatus> statuses, PageRequest page) {
        List<Order> newestFirst =
                orders.values().stream()
                        .filter(o -> o.customerId().equals(customerId))
                        .filter(o -> statuses.isEmpty() || statuses.contains(o.status()))
                        .sorted(
                                Comparator.comparing(Order::createdAt)
                                        .thenComparing(o -> o.id().value())
                                        .reversed())
                        .toList();
        int from = 0;
        if (page.cursor() instanceof Cursor.After after) {
            if (!after.token().startsWith(customerId + "|")) {
                throw InvalidInput.of("cursor", "is not a cursor returned by this API");
            }
            String lastId = after.token().substring(customerId.length() + 1);
            from = newestFirst.stream().map(o -> o.id().value()).toList().indexOf(lastId) + 1;
        }
        List<Order> items =
                newestFirst.subList(from, Math.min(newestFirst.size(), from + page.limit()));
        Optional<Cursor.After> next =
                from + items.size() < newestFirst.size()
                        ? Optional.of(
                                new Cursor.After(
                                        customerId + "|" + items.get(items.size() - 1).id()))
                        : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public void removeCollection(OrderId id) {
        trails.remove(id);
    }

    /** Removes the order's own record, as TTL removes its item, and answers it as it was. */
    public Order expire(OrderId id) {
        Order removed = orders.remove(id);
        if (removed == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        return removed;
    }

    public int size() {
        return orders.size();
    }
}
