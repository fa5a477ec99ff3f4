package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.OrderId;
import java.util.Optional;

/**
 * Key layout of the orders table's item collections (see the README's data model): the one place
 * that writes and parses {@code ORDER#<orderId>}.
 */
final class OrderKeys {

    private static final String ORDER_PREFIX = "ORDER#";

    private OrderKeys() {}

    /** The partition key of everything that belongs to one order. */
    static String pk(OrderId order) {
        return ORDER_PREFIX + order.value();
    }

    /**
     * The order a partition key belongs to, or empty if the key is not an order's.
     *
     * @throws dev.orderflow.domain.error.InvalidInput if what follows {@code ORDER#} is not an
     *     order id
     */
    static Optional<OrderId> order(String pk) {
        if (!pk.startsWith(ORDER_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(new OrderId(pk.substring(ORDER_PREFIX.length())));
    }
}
