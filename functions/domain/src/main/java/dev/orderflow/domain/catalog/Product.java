package dev.orderflow.domain.catalog;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;

/**
 * A product of the catalog. Only active products can be browsed or ordered.
 *
 * @param sku its stock-keeping unit
 * @param name the name customers see, 1 to 200 characters
 * @param price the unit price
 * @param active whether it is for sale
 */
public record Product(Sku sku, String name, Money price, boolean active) {

    /** The longest name a product may have. */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * @throws InvalidInput if the name is blank or too long
     */
    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw InvalidInput.of("name", "must be 1-" + MAX_NAME_LENGTH + " characters");
        }
    }
}
