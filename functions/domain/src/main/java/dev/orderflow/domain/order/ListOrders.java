package dev.orderflow.domain.order;

import dev.orderflow.domain.identity.Caller;
import dev.orderflow.domain.page.Cursor;
import dev.orderflow.domain.page.Page;
import dev.orderflow.domain.page.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: a customer lists their own orders, newest first: the live ones, then the archived ones.
 * An order is archived a retention period after it finished, so archived orders were placed before
 * the live ones, give or take the orders finishing around that boundary.
 */
public final class ListOrders {

    /** Marks a cursor that continues in the archive; what follows it is the archive's own. */
    static final String ARCHIVE_CURSOR = "archive:";

    private final OrderRepository orders;
    private final OrderArchive archive;

    public ListOrders(OrderRepository orders, OrderArchive archive) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /**
     * One page of the caller's orders. Admins list their own orders here too; listing across
     * customers is an admin route of its own.
     *
     * @param statuses the states to keep; empty keeps all
     * @throws dev.orderflow.domain.error.InvalidInput if the cursor is not one issued for the
     *     caller
     */
    public Page<OrderView> list(Caller caller, Set<OrderStatus> statuses, PageRequest page) {
        String customer = caller.subject();
        if (page.cursor() instanceof Cursor.After after
                && after.token().startsWith(ARCHIVE_CURSOR)) {
            return archived(customer, statuses, page.limit(), archiveCursor(after));
        }
        Page<Order> live = orders.ofCustomer(customer, statuses, page);
        List<OrderView> items = new ArrayList<>();
        live.items().forEach(order -> items.add(new OrderView.Live(order, List.of())));
        if (live.next().isPresent() || !archiveMayHold(statuses)) {
            return new Page<>(items, live.next());
        }
        int room = page.limit() - items.size();
        if (room == 0) {
            // One small read, on the page where the live orders end, so a client is not sent on
            // to an empty page.
            boolean more = !archived(customer, statuses, 1, Cursor.first()).items().isEmpty();
            return new Page<>(
                    items, more ? Optional.of(new Cursor.After(ARCHIVE_CURSOR)) : Optional.empty());
        }
        Page<OrderView> rest = archived(customer, statuses, room, Cursor.first());
        items.addAll(rest.items());
        return new Page<>(items, rest.next());
    }

    private Page<OrderView> archived(
            String customer, Set<OrderStatus> statuses, int limit, Cursor from) {
        Page<ArchivedOrder> page =
                archive.ofCustomer(customer, statuses, new PageRequest(limit, from));
        return new Page<>(
                page.items().stream().<OrderView>map(OrderView.Archived::new).toList(),
                page.next().map(next -> new Cursor.After(ARCHIVE_CURSOR + next.token())));
    }

    private static Cursor archiveCursor(Cursor.After after) {
        String rest = after.token().substring(ARCHIVE_CURSOR.length());
        return rest.isEmpty() ? Cursor.first() : new Cursor.After(rest);
    }

    /** Only finished orders are archived, so a filter on unfinished states skips the archive. */
    private static boolean archiveMayHold(Set<OrderStatus> statuses) {
        return statuses.isEmpty() || statuses.stream().anyMatch(OrderStatus::isTerminal);
    }
}
