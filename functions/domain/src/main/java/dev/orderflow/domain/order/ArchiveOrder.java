package dev.orderflow.domain.order;

import java.util.Objects;

/**
 * Use case: an order's item left the live store because its {@link Retention} ran out. Its record,
 * with the trail still in the store, goes to the archive first; only then is the rest of its
 * collection removed, so a crash in between leaves the trail for the retry, never a lost history.
 * Running it again for the same order archives the same record and removes nothing more.
 */
public final class ArchiveOrder {

    private final OrderRepository orders;
    private final OrderArchive archive;

    public ArchiveOrder(OrderRepository orders, OrderArchive archive) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /**
     * Archives the order as its expired item last stored it.
     *
     * @return what the archive now holds for it
     * @throws dev.orderflow.domain.error.DependencyUnavailable if a store cannot answer
     */
    public ArchivedOrder archive(Order expired) {
        ArchivedOrder record = ArchivedOrder.of(expired, orders.trail(expired.id()));
        archive.keep(record);
        orders.removeCollection(expired.id());
        return record;
    }
}
