package dev.orderflow.domain.testfixtures;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.order.ArchivedOrder;
import dev.orderflow.domain.order.OrderArchive;
import dev.orderflow.domain.order.OrderId;
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

/** Archived orders in memory, by customer and id. */
public final class InMemoryOrderArchive implements OrderArchive {

    private final Map<String, ArchivedOrder> archived = new ConcurrentHashMap<>();

    @Override
    public void keep(ArchivedOrder order) {
        archived.put(key(order.customerId(), order.id()), order);
    }

    @Override
    public Optional<ArchivedOrder> find(String customerId, OrderId id) {
        return Optional.ofNullable(archived.get(key(customerId, id)));
    }

    @Override
    public Page<ArchivedOrder> ofCustomer(
            String customerId, Set<OrderStatus> statuses, PageRequest page) {
        List<ArchivedOrder> newestFirst =
                archived.values().stream()
                        .filter(o -> o.customerId().equals(customerId))
                        .filter(o -> statuses.isEmpty() || statuses.contains(o.status()))
                        .sorted(
                                Comparator.comparing(ArchivedOrder::createdAt)
                                        .thenComparing(o -> o.id().value())
                                        .reversed())
                        .toList();
        int from = 0;
        if (page.cursor() instanceof Cursor.After after) {
            if (!after.token().startsWith("a|")) {
                throw InvalidInput.of("cursor", "is not a cursor returned by this API");
            }
            String lastId = after.token().substring(2);
            from = newestFirst.stream().map(o -> o.id().value()).toList().indexOf(lastId) + 1;
        }
        List<ArchivedOrder> items =
                newestFirst.subList(from, Math.min(newestFirst.size(), from + page.limit()));
        Optional<Cursor.After> next =
                from + items.size() < newestFirst.size()
                        ? Optional.of(new Cursor.After("a|" + items.get(items.size() - 1).id()))
                        : Optional.empty();
        return new Page<>(items, next);
    }

    public int size() {
        return archived.size();
    }

    private static String key(String customerId, OrderId id) {
        return customerId + "/" + id.value();
    }
}
