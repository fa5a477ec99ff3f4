package dev.orderflow.functions.orders;

import dev.orderflow.domain.order.Order;

/**
 * The order JSON of the customer routes, for other handler packages (the admin listing shows orders
 * exactly as {@code GET /orders/{id}} does).
 */
public final class OrderViews {

    private OrderViews() {}

    /** The body {@code GET /orders/{id}} answers with for this order. */
    public static Object json(Order order) {
        return OrderJson.from(order);
    }
}
