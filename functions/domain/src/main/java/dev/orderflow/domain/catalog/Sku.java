package dev.orderflow.domain.catalog;

import dev.orderflow.domain.error.InvalidInput;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stock-keeping unit: upper-case letters, digits and dashes, 2 to 64 characters, starting with a
 * letter or digit.
 */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");

    /**
     * @throws InvalidInput if the value is not a well-formed SKU
     */
    public Sku {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw InvalidInput.of(
                    "sku",
                    "must be 2-64 upper-case letters, digits or dashes, starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
