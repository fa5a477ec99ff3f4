package dev.orderflow.domain.payment;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.order.OrderId;
import java.util.Objects;

/**
 * A request to take payment for an order.
 *
 * @param order the order paid for; providers are idempotent on it
 * @param amount what to charge
 * @param attempt 0 for the first try, then the workflow's retry count
 */
public record ChargeRequest(OrderId order, Money amount, int attempt) {
    public ChargeRequest {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(amount, "amount");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative");
        }
    }
}
