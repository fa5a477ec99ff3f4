package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.Order;
import dev.orderflow.domain.order.OrderStatus;
import dev.orderflow.domain.order.OrdersByStatus;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An index of orders by state in memory, most recently changed first; the cursor is an offset. An
 * entry can name a state its order has left, as an eventually consistent index does.
 */
public final class InMemoryOrdersByStatus implements OrdersByStatus {

    private record Entry(OrderStatus indexedAs, Order order) {}

    private final List<Entry> index = new ArrayList<>();

    /** Indexes orders under their current state. */
    public InMemoryOrdersByStatus with(Order... orders) {
        for (Order o : orders) {
            index.add(new Entry(o.status(), o));
        }
        return this;
    }

    /** Indexes an order under a state it is no longer in (a stale index entry). */
    public InMemoryOrdersByStatus staleEntry(OrderStatus indexedAs, Order order) {
        index.add(new Entry(indexedAs, order));
        return this;
    }

    @Override
    public Page<Order> withStatus(OrderStatus status, PageRequest page) {
        int from = 0;
        if (page.cursor() instanceof Cursor.After after) {
            String prefix = status + ":";
            try {
                if (!after.token().startsWith(prefix)) {
                    throw new NumberFormatException(after.token());
                }
                from = Integer.parseInt(after.token().substring(prefix.length()));
            } catch (NumberFormatException e) {
                throw InvalidInput.of("cursor", "is not a cursor this index issued");
            }
        }
        List<Order> matching =
                index.stream()
                        .filter(e -> e.indexedAs() == status)
                        .map(Entry::order)
                        .sorted(Comparator.comparing(Order::updatedAt).reversed())
                        .toList();
        int to = Math.min(matching.size(), from + page.limit());
        Optional<Cursor.After> next =
                to < matching.size()
                        ? Optional.of(new Cursor.After(status + ":" + to))
                        : Optional.empty();
        return new Page<>(matching.subList(Math.min(from, to), to), next);
    }
}
