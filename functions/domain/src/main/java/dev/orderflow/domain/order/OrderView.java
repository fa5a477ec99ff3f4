package dev.orderflow.domain.order;

import java.util.List;
import java.util.Objects;

/** An order as a reader finds it: live, or archived once its {@link Retention} ran out. */
public sealed interface OrderView {

    /** Its id. */
    OrderId id();

    /** A live order and, where read, its event trail (oldest first). */
    record Live(Order order, List<OrderEvent> trail) implements OrderView {
        public Live {
            Objects.requireNonNull(order, "order");
            trail = List.copyOf(trail);
        }

        @Override
        public OrderId id() {
            return order.id();
        }
    }

    /** An order in the archive: its compact record, trail included. */
    record Archived(ArchivedOrder order) implements OrderView {
        public Archived {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public OrderId id() {
            return order.id();
        }
    }
}
