package dev.orderflow.adapters.aws.dynamodb;

import dev.orderflow.domain.order.OrderId;

/** Key layout of the orders table's item collections (see the README's data model). */
final class OrderKeys {

    private OrderKeys() {}

    /** The partition key of everything that belongs to one order. */
    static String pk(OrderId order) {
        return "ORDER#" + order.value();
    }
}
