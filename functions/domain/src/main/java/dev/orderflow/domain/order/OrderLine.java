package dev.orderflow.domain.order;

import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;

/**
 * One line of an order: a product and how many of it.
 *
 * @param sku the product
 * @param quantity how many, 1 to {@link #MAX_QUANTITY}
 */
public record OrderLine(Sku sku, int quantity) {

    /** More than this on one line is treated as a typo or abuse, not an order. */
    public static final int MAX_QUANTITY = 100;

    /**
     * @throws InvalidInput if the quantity is outside 1..{@link #MAX_QUANTITY}
     */
    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw InvalidInput.of("quantity", "must be between 1 and " + MAX_QUANTITY);
        }
    }
}
